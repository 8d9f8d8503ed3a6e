package dev.carrierhub.carriers.sendcloud;

import dev.carrierhub.carriers.http.AsyncCalls;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.Capabilities;
import dev.carrierhub.carriers.CarrierConnector;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.carriers.VoidResult;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.Shipment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Sendcloud API v3 connector: the I/O side (HTTP Basic with the public and secret key, timeouts, label download)
 * around the pure {@link SendcloudRequestMapper} and {@link SendcloudResponseMapper}. It does not retry.
 *
 * <p>Sendcloud honours idempotency: the key travels as the shipment's {@code external_reference_id}, which Sendcloud
 * keeps unique per user, answering a repeat with 409 and the shipment made the first time. {@link #ship} turns that
 * 409 into the first booking (looking it up by the key if the answer does not carry it), so a retry after a lost
 * answer books nothing twice, even concurrently.
 */
public final class SendcloudConnector implements CarrierConnector {
    public static final String CARRIER = "sendcloud";
    static final String USER_AGENT = "carrierhub-sendcloud-connector/1";
    /** The currency of a booking's (unknown) price when the shipment names none: Sendcloud bills in euros. */
    static final String DEFAULT_CURRENCY = "EUR";

    /**
     * Rates (shipping options with quotes), ships several parcels in one shipment, customs; labels PDF, ZPL, PNG.
     * No per-number tracker push: Sendcloud pushes parcel events to account-level webhooks or event subscriptions
     * set up in its panel, which the tracking service receives through {@link SendcloudResponseMapper#toTrackingEvent}.
     */
    private static final Capabilities CAPABILITIES = new Capabilities(
            true, true, true, true, false, true, true, Set.of(Label.PDF, Label.ZPL, Label.PNG));

    private final SendcloudSettings settings;
    private final HttpClient client;
    private final SendcloudEndpoints endpoints;
    private final SendcloudRequestMapper requests;
    private final SendcloudResponseMapper responses = new SendcloudResponseMapper();
    private final String authorization;

    /** A connector with its own HTTP client, whose connect timeout is the settings' timeout. */
    public SendcloudConnector(SendcloudSettings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
    }

    /** A connector on a shared HTTP client (connection pool); the request timeout still comes from settings. */
    public SendcloudConnector(SendcloudSettings settings, HttpClient client) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.endpoints = new SendcloudEndpoints(settings.baseUri());
        this.requests = new SendcloudRequestMapper(settings.labelFormat());
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (settings.publicKey() + ":" + settings.secretKey()).getBytes(StandardCharsets.UTF_8));
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
        return guarded(() -> call(post(endpoints.shippingOptions(), requests.shippingOptionsRequest(shipment)),
                responses::toRateResult));
    }

    /** Announces the shipment with the shipping option {@code serviceCode} and returns one label per parcel. */
    @Override
    public CompletionStage<BookingResult> ship(Shipment shipment, String serviceCode, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("an idempotency key is required to book");
        }
        Objects.requireNonNull(serviceCode, "serviceCode");
        return guarded(() -> {
            JsonNode body = requests.announceRequest(shipment, serviceCode, idempotencyKey);
            List<String> references = shipment.parcels().stream().map(Parcel::reference).toList();
            String currency = shipment.declaredValue() == null ? DEFAULT_CURRENCY : shipment.declaredValue().currency();
            return call(post(endpoints.announce(), body), responses::toAnnouncement)
                    .thenCompose(announced -> announced.isPresent() ? CompletableFuture.completedFuture(announced.get())
                            : findAnnounced(idempotencyKey).thenApply(found -> found.orElseThrow(() -> new CarrierException(
                                    CarrierErrorKind.TRANSIENT, "Sendcloud answered 409 for key " + idempotencyKey
                                    + " but lists no announced shipment under it yet"))))
                    .thenCompose(announced -> labels(announced)
                            .thenApply(labels -> responses.toBookingResult(announced, references, labels, currency)));
        });
    }

    /**
     * The shipment announced under the key ({@code GET /shipments?external_reference_id=}), with its labels. Its price
     * is unknown (zero, in euros, with a warning) and its labels carry no parcel reference.
     */
    @Override
    public CompletionStage<Optional<BookingResult>> findBooking(String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return guarded(() -> findAnnounced(idempotencyKey).thenCompose(found -> found
                .map(announced -> labels(announced).thenApply(labels ->
                        Optional.of(responses.toBookingResult(announced, List.of(), labels, DEFAULT_CURRENCY))))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()))));
    }

    /** Cancels the shipment; one already being cancelled succeeds with {@code alreadyVoided}. */
    @Override
    public CompletionStage<VoidResult> voidLabel(String carrierShipmentId) {
        Objects.requireNonNull(carrierShipmentId, "carrierShipmentId");
        return guarded(() -> call(request(endpoints.cancel(carrierShipmentId), "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                reply -> responses.toVoidResult(carrierShipmentId, reply)));
    }

    @Override
    public CompletionStage<TrackingResult> track(String trackingNumber) {
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        return guarded(() -> call(get(endpoints.tracking(trackingNumber)),
                reply -> responses.toTrackingResult(trackingNumber, reply)));
    }

    /** Not offered (see {@link #capabilities()}): the stage fails with {@code INVALID_REQUEST} and nothing is sent. */
    @Override
    public CompletionStage<Void> registerTracker(String trackingNumber, URI callbackUrl) {
        return CompletableFuture.failedFuture(new CarrierException(CarrierErrorKind.INVALID_REQUEST,
                "Sendcloud pushes parcel events to the account's webhooks or event subscriptions, not per tracking number;"
                        + " set one up in the Sendcloud panel", null, "callback_url", "no per-parcel tracker push", null));
    }

    private CompletableFuture<Optional<SendcloudShipment>> findAnnounced(String idempotencyKey) {
        return call(get(endpoints.shipmentsByExternalReference(idempotencyKey)),
                reply -> responses.toFoundShipment(reply, idempotencyKey));
    }

    /**
     * One label per parcel, in parcel order: the synchronous announcement sends a single parcel's label inline; the
     * others are downloaded from their document links, with the keys only when the link is on the API's own host.
     */
    private CompletableFuture<List<byte[]>> labels(SendcloudShipment announced) {
        List<CompletableFuture<byte[]>> labels = new ArrayList<>();
        for (SendcloudShipment.Parcel parcel : announced.parcels()) {
            Optional<byte[]> inline = responses.inlineLabel(parcel);
            labels.add(inline.isPresent() ? CompletableFuture.completedFuture(inline.get()) : download(announced, parcel));
        }
        return CompletableFuture.allOf(labels.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> labels.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<byte[]> download(SendcloudShipment announced, SendcloudShipment.Parcel parcel) {
        if (parcel.labelLink() == null) {
            return CompletableFuture.failedFuture(responses.labelDownloadFailed(announced.id(), 0));
        }
        String mimeType = SendcloudRequestMapper.mimeType(settings.labelFormat());
        HttpRequest.Builder builder = HttpRequest.newBuilder(parcel.labelLink()).timeout(settings.timeout())
                .header("Accept", mimeType).header("User-Agent", USER_AGENT).GET();
        if (endpoints.sameOrigin(parcel.labelLink())) {
            builder.header("Authorization", authorization);
        }
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
            if (failure != null) {
                result.completeExceptionally(responses.toError(failure));
            } else if (response.statusCode() / 100 != 2 || response.body().length == 0) {
                result.completeExceptionally(responses.labelDownloadFailed(announced.id(), response.statusCode()));
            } else {
                result.complete(response.body());
            }
        });
        return result;
    }

    /** Sends without blocking and maps the answer; the stage fails with the {@link CarrierException} itself. */
    private <T> CompletableFuture<T> call(HttpRequest request, Function<SendcloudReply, T> mapping) {
        return AsyncCalls.send(client, request, SendcloudReply::of, mapping, responses::toError);
    }

    /**
     * Runs a chain and hands its failure on unwrapped; a mapper that refuses the shipment before any I/O fails the
     * stage instead of throwing.
     */
    private static <T> CompletionStage<T> guarded(Supplier<CompletableFuture<T>> chain) {
        return AsyncCalls.guarded(chain);
    }

    private HttpRequest post(URI uri, JsonNode body) {
        return request(uri, "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(SendcloudJson.bytes(body))).build();
    }

    private HttpRequest get(URI uri) {
        return request(uri, "application/json").GET().build();
    }

    private HttpRequest.Builder request(URI uri, String accept) {
        return HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Accept", accept)
                .header("User-Agent", USER_AGENT)
                .header("Authorization", authorization);
    }
}
