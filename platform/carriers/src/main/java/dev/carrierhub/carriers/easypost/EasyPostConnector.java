package dev.carrierhub.carriers.easypost;

import dev.carrierhub.carriers.http.AsyncCalls;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.Capabilities;
import dev.carrierhub.carriers.CarrierConnector;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.carriers.VoidResult;
import dev.carrierhub.contracts.shipment.Shipment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The EasyPost connector: the I/O side (HTTP Basic with the API key, timeouts, label download) around the pure
 * {@link EasyPostRequestMapper} and {@link EasyPostResponseMapper}. It does not retry: retry, back-off and circuit
 * breaking belong to the calling service.
 *
 * <p>EasyPost has no idempotency header. A booking stores the idempotency key as the shipment's {@code reference},
 * which EasyPost accepts in place of the id, so {@link #ship} first looks the key up and buys nothing twice in a
 * sequential retry, and {@link #findBooking} answers from the same look-up. Two concurrent first attempts with one
 * key can still create two shipments; the caller's lock or outbox must prevent that.
 */
public final class EasyPostConnector implements CarrierConnector {
    public static final String CARRIER = "easypost";
    static final String USER_AGENT = "carrierhub-easypost-connector/1";

    /**
     * One parcel per shipment (EasyPost Orders are not used); customs info for cross-border shipments; the label
     * formats EasyPost converts to; trackers push through the account's webhooks.
     */
    private static final Capabilities CAPABILITIES = new Capabilities(
            true, true, true, true, true, false, true, Set.of(Label.PDF, Label.ZPL, Label.PNG));

    private final EasyPostSettings settings;
    private final HttpClient client;
    private final EasyPostEndpoints endpoints;
    private final EasyPostRequestMapper requests;
    private final EasyPostResponseMapper responses;
    private final String authorization;

    /** A connector with its own HTTP client, whose connect timeout is the settings' timeout. */
    public EasyPostConnector(EasyPostSettings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
    }

    /** A connector on a shared HTTP client (connection pool); the request timeout still comes from settings. */
    public EasyPostConnector(EasyPostSettings settings, HttpClient client) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.endpoints = new EasyPostEndpoints(settings.baseUri());
        this.requests = new EasyPostRequestMapper(settings);
        this.responses = new EasyPostResponseMapper(settings.labelFormat());
        // EasyPost: the API key is the Basic user name, the password is empty.
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((settings.apiKey() + ":").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String carrier() {
        return CARRIER;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    /** Creates an EasyPost shipment without a reference: EasyPost rates every carrier account on creation. */
    @Override
    public CompletionStage<RateResult> rate(Shipment shipment) {
        return guarded(() -> call(post(endpoints.shipments(), requests.shipmentRequest(shipment, null)), responses::toRateResult));
    }

    @Override
    public CompletionStage<BookingResult> ship(Shipment shipment, String serviceCode, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("an idempotency key is required to book");
        }
        Objects.requireNonNull(serviceCode, "serviceCode");
        return guarded(() -> {
            JsonNode body = requests.shipmentRequest(shipment, idempotencyKey);
            String parcelReference = shipment.parcels().get(0).reference();
            return call(get(endpoints.shipment(idempotencyKey)), responses::toFoundShipment)
                    .thenCompose(found -> found.isPresent() ? CompletableFuture.completedFuture(found.get())
                            : call(post(endpoints.shipments(), body), responses::toShipment))
                    .thenCompose(created -> created.purchased() ? CompletableFuture.completedFuture(created)
                            : call(post(endpoints.buy(created.id()),
                                    requests.buyRequest(responses.chooseRate(created, serviceCode).id())), responses::toShipment))
                    .thenCompose(bought -> download(bought)
                            .thenApply(label -> responses.toBookingResult(bought, parcelReference, label)));
        });
    }

    /**
     * The shipment whose {@code reference} is the key, if a rate of it was bought; a shipment created but never
     * bought is no booking. Its label carries no parcel reference, which EasyPost does not keep.
     */
    @Override
    public CompletionStage<Optional<BookingResult>> findBooking(String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return guarded(() -> call(get(endpoints.shipment(idempotencyKey)), responses::toFoundShipment)
                .thenCompose(found -> found.filter(EasyPostShipment::purchased)
                        .map(bought -> download(bought).thenApply(label ->
                                Optional.of(responses.toBookingResult(bought, null, label))))
                        .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()))));
    }

    /** Asks EasyPost to refund the postage; a shipment whose refund was asked for already is not asked again. */
    @Override
    public CompletionStage<VoidResult> voidLabel(String carrierShipmentId) {
        Objects.requireNonNull(carrierShipmentId, "carrierShipmentId");
        return guarded(() -> call(get(endpoints.shipment(carrierShipmentId)), responses::toShipment)
                .thenCompose(shipment -> shipment.refundRequested()
                        ? CompletableFuture.completedFuture(responses.alreadyVoided(shipment))
                        : call(post(endpoints.refund(carrierShipmentId), EasyPostJson.MAPPER.createObjectNode()),
                                reply -> responses.toVoidResult(carrierShipmentId, reply))));
    }

    @Override
    public CompletionStage<TrackingResult> track(String trackingNumber) {
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        return guarded(() -> call(get(endpoints.trackersByCode(trackingNumber)),
                reply -> responses.toTrackingResult(trackingNumber, reply)));
    }

    /**
     * Creates a tracker for the code. EasyPost pushes tracker events to the account's webhooks, not to one URL
     * per tracker, so this makes sure a webhook to {@code callbackUrl} exists (signed with the settings' webhook
     * secret when there is one) before it creates the tracker.
     */
    @Override
    public CompletionStage<Void> registerTracker(String trackingNumber, URI callbackUrl) {
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        return guarded(() -> call(get(endpoints.webhooks()), reply -> responses.webhookFor(reply, callbackUrl))
                .thenCompose(existing -> existing.isPresent() ? CompletableFuture.completedFuture((Void) null)
                        : call(post(endpoints.webhooks(), requests.webhookRequest(callbackUrl, settings.webhookSecret())),
                                reply -> {
                                    responses.checkSuccess(reply);
                                    return (Void) null;
                                }))
                .thenCompose(ignored -> call(post(endpoints.trackers(), requests.trackerRequest(trackingNumber)), reply -> {
                    responses.checkSuccess(reply);
                    return (Void) null;
                })));
    }

    /** Downloads the bought label. Label URLs are pre-signed file links: the API key is never sent there. */
    private CompletableFuture<byte[]> download(EasyPostShipment bought) {
        if (!bought.purchased()) {
            return CompletableFuture.failedFuture(responses.labelDownloadFailed(bought.id(), 0));
        }
        HttpRequest request = HttpRequest.newBuilder(bought.label().url()).timeout(settings.timeout())
                .header("User-Agent", USER_AGENT).GET().build();
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
            if (failure != null) {
                result.completeExceptionally(responses.toError(failure));
            } else if (response.statusCode() / 100 != 2 || response.body().length == 0) {
                result.completeExceptionally(responses.labelDownloadFailed(bought.id(), response.statusCode()));
            } else {
                result.complete(response.body());
            }
        });
        return result;
    }

    /**
     * Sends without blocking and maps the answer; the stage fails with the {@link CarrierException} itself.
     */
    private <T> CompletableFuture<T> call(HttpRequest request, Function<EasyPostReply, T> mapping) {
        return AsyncCalls.send(client, request, EasyPostReply::of, mapping, responses::toError);
    }

    /**
     * Runs a chain and hands its failure on unwrapped, so a caller's direct dependent sees the
     * {@link CarrierException} and not a {@link java.util.concurrent.CompletionException} around it. A mapper that
     * refuses the shipment before any I/O fails the stage instead of throwing.
     */
    private static <T> CompletionStage<T> guarded(Supplier<CompletableFuture<T>> chain) {
        return AsyncCalls.guarded(chain);
    }

    private HttpRequest post(URI uri, JsonNode body) {
        return request(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(EasyPostJson.bytes(body))).build();
    }

    private HttpRequest get(URI uri) {
        return request(uri).GET().build();
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("Authorization", authorization);
    }
}
