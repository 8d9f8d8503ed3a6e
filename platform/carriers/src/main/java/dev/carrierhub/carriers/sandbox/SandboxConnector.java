package dev.carrierhub.carriers.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.Capabilities;
import dev.carrierhub.carriers.CarrierConnector;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.carriers.VoidResult;
import dev.carrierhub.contracts.shipment.Shipment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The sandbox carrier's connector: the I/O side (HTTP, API key, timeouts) around the pure
 * {@link SandboxRequestMapper} and {@link SandboxResponseMapper}. It does not retry: retry, back-off and
 * circuit breaking belong to the calling service, which knows its budget.
 */
public final class SandboxConnector implements CarrierConnector {
    public static final String CARRIER = "sandbox";
    static final String USER_AGENT = "carrierhub-sandbox-connector/1";

    private static final Capabilities CAPABILITIES = new Capabilities(
            true, true, true, true, true, true, true, Set.of(Label.PDF));

    private final SandboxSettings settings;
    private final HttpClient client;
    private final SandboxEndpoints endpoints;
    private final SandboxRequestMapper requests = new SandboxRequestMapper();
    private final SandboxResponseMapper responses;

    /** A connector with its own HTTP client, whose connect timeout is the settings' timeout. */
    public SandboxConnector(SandboxSettings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
    }

    /** A connector on a shared HTTP client (connection pool); the request timeout still comes from settings. */
    public SandboxConnector(SandboxSettings settings, HttpClient client) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.endpoints = new SandboxEndpoints(settings.baseUri());
        this.responses = new SandboxResponseMapper();
    }

    @Override
    public String carrier() {
        return CARRIER;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public CompletionStage<RateResult> rate(Shipment shipment) {
        return call(post(endpoints.rates(), requests.rateRequest(shipment)).build(), responses::toRateResult);
    }

    @Override
    public CompletionStage<BookingResult> ship(Shipment shipment, String serviceCode, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("an idempotency key is required to book");
        }
        HttpRequest request = post(endpoints.shipments(), requests.shipRequest(shipment, serviceCode))
                .header(ShipmentsEndpoint.IDEMPOTENCY_KEY, idempotencyKey)
                .build();
        return call(request, responses::toBookingResult);
    }

    @Override
    public CompletionStage<Optional<BookingResult>> findBooking(String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return call(request(endpoints.shipmentByIdempotencyKey(idempotencyKey)).GET().build(), responses::toFoundBooking);
    }

    @Override
    public CompletionStage<VoidResult> voidLabel(String carrierShipmentId) {
        Objects.requireNonNull(carrierShipmentId, "carrierShipmentId");
        HttpRequest request = request(endpoints.voidShipment(carrierShipmentId))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return call(request, reply -> responses.toVoidResult(carrierShipmentId, reply));
    }

    @Override
    public CompletionStage<TrackingResult> track(String trackingNumber) {
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        return call(request(endpoints.tracking(trackingNumber)).GET().build(), responses::toTrackingResult);
    }

    @Override
    public CompletionStage<Void> registerTracker(String trackingNumber, URI callbackUrl) {
        HttpRequest request = post(endpoints.trackers(), requests.trackerRequest(trackingNumber, callbackUrl)).build();
        return call(request, reply -> {
            responses.checkTrackerRegistered(reply);
            return null;
        });
    }

    /**
     * Sends without blocking and maps the answer. The returned stage fails with the
     * {@link dev.carrierhub.carriers.CarrierException} itself, not wrapped, for its direct dependents.
     */
    private <T> CompletionStage<T> call(HttpRequest request, Function<SandboxReply, T> mapping) {
        CompletableFuture<T> result = new CompletableFuture<>();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            try {
                if (failure != null) {
                    result.completeExceptionally(responses.toError(failure));
                } else {
                    result.complete(mapping.apply(SandboxReply.of(response)));
                }
            } catch (RuntimeException mappingFailure) {
                result.completeExceptionally(mappingFailure);
            }
        });
        return result;
    }

    private HttpRequest.Builder post(URI uri, JsonNode body) {
        byte[] bytes;
        try {
            bytes = SandboxJson.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
        return request(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (settings.apiKey() != null) {
            builder.header("Authorization", "Bearer " + settings.apiKey());
        }
        return builder;
    }
}
