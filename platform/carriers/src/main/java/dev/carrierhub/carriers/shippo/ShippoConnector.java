package dev.carrierhub.carriers.shippo;

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
import dev.carrierhub.contracts.shipment.Money;
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
import java.util.function.Supplier;

/**
 * The Shippo connector: the I/O side ({@code Authorization: ShippoToken}, the pinned API version, timeouts, label
 * download) around the pure {@link ShippoRequestMapper} and {@link ShippoResponseMapper}. It does not retry.
 *
 * <p>Shippo has no idempotency header and its objects are create-only. A purchase carries the idempotency key in
 * the transaction's {@code metadata}; {@link #findBooking} searches the newest page of transactions for it (Shippo
 * cannot filter by metadata), which finds a booking whose answer was lost, the case it exists for. {@link #ship}
 * itself does not look first: the caller checks {@code findBooking} before a retry, as the SPI asks of carriers that
 * do not honour keys (Shippo's list endpoint is also the one with the tightest rate limit).
 */
public final class ShippoConnector implements CarrierConnector {
    public static final String CARRIER = "shippo";
    /** The API version the mappers are written against; pinned so an account upgrade cannot change the wire. */
    public static final String API_VERSION = "2018-02-08";
    static final String USER_AGENT = "carrierhub-shippo-connector/1";

    private final ShippoSettings settings;
    private final HttpClient client;
    private final ShippoEndpoints endpoints;
    private final ShippoRequestMapper requests;
    private final ShippoResponseMapper responses = new ShippoResponseMapper();
    private final Capabilities capabilities;

    /** A connector with its own HTTP client, whose connect timeout is the settings' timeout. */
    public ShippoConnector(ShippoSettings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
    }

    /** A connector on a shared HTTP client (connection pool); the request timeout still comes from settings. */
    public ShippoConnector(ShippoSettings settings, HttpClient client) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.endpoints = new ShippoEndpoints(settings.baseUri());
        this.requests = new ShippoRequestMapper(settings);
        // Shippo tracks and pushes per carrier token: without one configured, neither is offered.
        boolean tracks = settings.trackingCarrier() != null;
        this.capabilities = new Capabilities(true, true, true, tracks, tracks, false, true,
                Set.of(Label.PDF, Label.ZPL, Label.PNG));
    }

    @Override
    public String carrier() {
        return CARRIER;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public CompletionStage<RateResult> rate(Shipment shipment) {
        return guarded(() -> call(post(endpoints.shipments(), requests.shipmentRequest(shipment)), responses::toRateResult));
    }

    /** Rates the shipment, buys the rate of {@code serviceCode} (a service level token) and downloads its label. */
    @Override
    public CompletionStage<BookingResult> ship(Shipment shipment, String serviceCode, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > ShippoRequestMapper.METADATA_MAX) {
            throw new IllegalArgumentException("an idempotency key of 1 to " + ShippoRequestMapper.METADATA_MAX
                    + " characters is required to book (Shippo keeps it in metadata)");
        }
        Objects.requireNonNull(serviceCode, "serviceCode");
        return guarded(() -> {
            JsonNode body = requests.shipmentRequest(shipment);
            String parcelReference = shipment.parcels().get(0).reference();
            return call(post(endpoints.shipments(), body), responses::toShipment)
                    .thenCompose(rated -> {
                        ShippoShipment.Rate rate = responses.chooseRate(rated, serviceCode);
                        return call(post(endpoints.transactions(), requests.transactionRequest(rate.objectId(), idempotencyKey)),
                                responses::toPurchase)
                                .thenCompose(bought -> download(bought).thenApply(label -> responses.toBookingResult(bought,
                                        bought.price() != null ? bought.price() : rate.price(), parcelReference, label)));
                    });
        });
    }

    /**
     * The label bought under the key among the newest {@value ShippoEndpoints#MAX_PAGE_SIZE} transactions; older
     * ones are not searched. Its label carries no parcel reference.
     */
    @Override
    public CompletionStage<Optional<BookingResult>> findBooking(String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return guarded(() -> call(get(endpoints.recentTransactions(ShippoEndpoints.MAX_PAGE_SIZE)),
                reply -> responses.toFoundTransaction(reply, idempotencyKey))
                .thenCompose(found -> {
                    if (found.isEmpty()) {
                        return CompletableFuture.completedFuture(Optional.<BookingResult>empty());
                    }
                    ShippoTransaction bought = found.get();
                    CompletableFuture<Money> price = bought.price() != null ? CompletableFuture.completedFuture(bought.price())
                            : call(get(endpoints.rate(bought.rateId())), reply -> responses.toRate(reply).price());
                    return price.thenCompose(amount -> download(bought)
                            .thenApply(label -> Optional.of(responses.toBookingResult(bought, amount, null, label))));
                }));
    }

    /** Asks Shippo to refund the label; a transaction whose refund was asked for already is not asked again. */
    @Override
    public CompletionStage<VoidResult> voidLabel(String carrierShipmentId) {
        Objects.requireNonNull(carrierShipmentId, "carrierShipmentId");
        return guarded(() -> call(get(endpoints.transaction(carrierShipmentId)), responses::toTransaction)
                .thenCompose(transaction -> transaction.refundRequested()
                        ? CompletableFuture.completedFuture(responses.alreadyVoided(transaction))
                        : call(post(endpoints.refunds(), requests.refundRequest(carrierShipmentId)),
                                reply -> responses.toVoidResult(carrierShipmentId, reply))));
    }

    /** {@code GET /tracks/{carrier}/{number}} with the configured tracking carrier; see {@link ShippoSettings}. */
    @Override
    public CompletionStage<TrackingResult> track(String trackingNumber) {
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        return guarded(() -> call(get(endpoints.track(trackingCarrier(), trackingNumber)), responses::toTrackingResult));
    }

    /**
     * Registers the number with {@code POST /tracks}. Shippo posts {@code track_updated} to the account's webhooks,
     * not to one URL per number, so this first makes sure an active webhook to {@code callbackUrl} exists.
     */
    @Override
    public CompletionStage<Void> registerTracker(String trackingNumber, URI callbackUrl) {
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        return guarded(() -> {
            String carrier = trackingCarrier();
            return call(get(endpoints.webhooks()), reply -> responses.webhookFor(reply, callbackUrl))
                    .thenCompose(existing -> existing.isPresent() ? CompletableFuture.completedFuture((Void) null)
                            : call(post(endpoints.webhooks(), requests.webhookRequest(callbackUrl, settings.testMode())),
                                    this::checked))
                    .thenCompose(ignored -> call(post(endpoints.tracks(), requests.trackRequest(carrier, trackingNumber)),
                            this::checked));
        });
    }

    private Void checked(ShippoReply reply) {
        responses.checkSuccess(reply);
        return null;
    }

    private String trackingCarrier() {
        if (settings.trackingCarrier() == null) {
            throw new CarrierException(CarrierErrorKind.INVALID_REQUEST,
                    "Shippo tracks by carrier and number; this account has no tracking-carrier configured",
                    null, "carrier", "tracking carrier not configured", null);
        }
        return settings.trackingCarrier();
    }

    /** Downloads the bought label. Label URLs are file links on another host: the token is never sent there. */
    private CompletableFuture<byte[]> download(ShippoTransaction bought) {
        HttpRequest request = HttpRequest.newBuilder(bought.labelUrl()).timeout(settings.timeout())
                .header("User-Agent", USER_AGENT).GET().build();
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
            if (failure != null) {
                result.completeExceptionally(responses.toError(failure));
            } else if (response.statusCode() / 100 != 2 || response.body().length == 0) {
                result.completeExceptionally(responses.labelDownloadFailed(bought.objectId(), response.statusCode()));
            } else {
                result.complete(response.body());
            }
        });
        return result;
    }

    /** Sends without blocking and maps the answer; the stage fails with the {@link CarrierException} itself. */
    private <T> CompletableFuture<T> call(HttpRequest request, Function<ShippoReply, T> mapping) {
        return AsyncCalls.send(client, request, ShippoReply::of, mapping, responses::toError);
    }

    /**
     * Runs a chain and hands its failure on unwrapped; a mapper that refuses the shipment before any I/O fails the
     * stage instead of throwing.
     */
    private static <T> CompletionStage<T> guarded(Supplier<CompletableFuture<T>> chain) {
        return AsyncCalls.guarded(chain);
    }

    private HttpRequest post(URI uri, JsonNode body) {
        return request(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ShippoJson.bytes(body))).build();
    }

    private HttpRequest get(URI uri) {
        return request(uri).GET().build();
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("SHIPPO-API-VERSION", API_VERSION)
                .header("Authorization", "ShippoToken " + settings.apiKey());
    }
}
