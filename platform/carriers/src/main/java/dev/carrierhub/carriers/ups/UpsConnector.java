package dev.carrierhub.carriers.ups;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.Capabilities;
import dev.carrierhub.carriers.CarrierConnector;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.CarrierMessage;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.carriers.VoidResult;
import dev.carrierhub.carriers.ups.UpsResponseMapper.AccessToken;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.Shipment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The UPS connector: OAuth client credentials, Rating, Shipping (ship and void) and Tracking, around the
 * pure {@link UpsRequestMapper} and {@link UpsResponseMapper}. It does not retry, except once after a 401
 * with a fresh token: retry, back-off and circuit breaking belong to the calling service.
 *
 * <p><b>Idempotency.</b> UPS has no idempotency key and cannot be asked for a booking (price and labels)
 * by reference. The connector therefore: sends the key as {@code CustomerContext} and, via
 * {@link UpsBookingReference}, as the shipment's reference number (on the label and in UPS's reports, so
 * a person can find a stray booking); makes one booking per key within this process (a repeated or
 * concurrent {@code ship} with the key gets the first booking; the same key for a different request is
 * refused); keeps listening for a booking answer {@link UpsSettings#lateAnswerWindow()} past the caller's
 * timeout and records it. {@link #findBooking} answers from that record. It cannot see bookings made by
 * another process, before a restart, or whose answer never came: for those it answers empty.
 * {@link Capabilities} has no field for this; see the README's UPS section.
 */
public final class UpsConnector implements CarrierConnector {
    public static final String CARRIER = "ups";
    static final String USER_AGENT = "carrierhub-ups-connector/1";
    /** The {@code transactionSrc} header: which client made the call, for UPS support. */
    static final String TRANSACTION_SOURCE = "carrierhub";

    private final UpsSettings settings;
    private final HttpClient client;
    private final Supplier<String> transactionIds;
    private final UpsEndpoints endpoints;
    private final UpsRequestMapper requests;
    private final UpsResponseMapper responses;
    private final UpsAccessTokens tokens;
    private final UpsBookingJournal journal;
    private final Map<String, InFlight> inFlight = new HashMap<>();
    private final Capabilities capabilities;

    /** A connector with its own HTTP client, whose connect timeout is the settings' timeout. */
    public UpsConnector(UpsSettings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
    }

    /** A connector on a shared HTTP client (connection pool); the request timeouts still come from settings. */
    public UpsConnector(UpsSettings settings, HttpClient client) {
        this(settings, client, Clock.systemUTC(), UpsConnector::newTransactionId);
    }

    /** For tests: a fixed clock and predictable {@code transId}s. */
    UpsConnector(UpsSettings settings, HttpClient client, Clock clock, Supplier<String> transactionIds) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.transactionIds = Objects.requireNonNull(transactionIds, "transactionIds");
        this.endpoints = new UpsEndpoints(settings);
        this.requests = new UpsRequestMapper(settings);
        this.responses = new UpsResponseMapper(settings.labelFormat(), clock);
        this.tokens = new UpsAccessTokens(this::fetchToken, clock);
        this.journal = new UpsBookingJournal(clock);
        // Multi-piece yes; customs lines are not sent (no international forms), tracking is polled only.
        this.capabilities = new Capabilities(true, true, true, true, false, true, false,
                Set.of(settings.labelFormat().labelFormat()));
    }

    @Override
    public String carrier() {
        return CARRIER;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    /**
     * Every service UPS offers on the lane ({@code Shop}, or {@code Shoptimeintransit} when the settings ask
     * for transit times). A hazardous shipment gets no quotes and a warning: the connector does not send
     * the per-package HazMat data UPS requires.
     */
    @Override
    public CompletionStage<RateResult> rate(Shipment shipment) {
        Objects.requireNonNull(shipment, "shipment");
        if (shipment.hazardous()) {
            return CompletableFuture.completedFuture(new RateResult(List.of(), List.of(hazardousMessage())));
        }
        String option = UpsRequestMapper.requestOption(null, settings.timeInTransit());
        JsonNode body = requests.rateRequest(shipment, null, settings.timeInTransit());
        return authorized(token -> post(endpoints.rating(option), token, body, settings.timeout()),
                responses::toRateResult);
    }

    /** The price of one service ({@code Rate}), e.g. to confirm a quote before booking. */
    public CompletionStage<RateResult> rate(Shipment shipment, String serviceCode) {
        Objects.requireNonNull(shipment, "shipment");
        Objects.requireNonNull(serviceCode, "serviceCode");
        if (shipment.hazardous()) {
            return CompletableFuture.completedFuture(new RateResult(List.of(), List.of(hazardousMessage())));
        }
        JsonNode body = requests.rateRequest(shipment, serviceCode, false);
        String option = UpsRequestMapper.requestOption(serviceCode, false);
        return authorized(token -> post(endpoints.rating(option), token, body, settings.timeout()),
                responses::toRateResult);
    }

    /**
     * Books the shipment, one label per parcel. Within this process one key makes one booking: a repeat or
     * concurrent call with the key gets the first booking; the key with a different request fails with
     * {@code INVALID_REQUEST}. The caller sees a {@code TRANSIENT} failure after the settings' timeout, but
     * the call keeps listening for the late-answer window, so a late booking is still found by
     * {@link #findBooking}.
     */
    @Override
    public CompletionStage<BookingResult> ship(Shipment shipment, String serviceCode, String idempotencyKey) {
        Objects.requireNonNull(shipment, "shipment");
        Objects.requireNonNull(serviceCode, "serviceCode");
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("an idempotency key is required to book");
        }
        if (shipment.hazardous()) {
            return CompletableFuture.failedFuture(new CarrierException(CarrierErrorKind.INVALID_REQUEST,
                    "the UPS connector does not book hazardous shipments (no HazMat data is sent)", null,
                    "hazardous", null, null));
        }
        JsonNode body = requests.shipRequest(shipment, serviceCode, idempotencyKey);
        String fingerprint = fingerprint(body);
        List<String> parcelReferences = shipment.parcels().stream().map(Parcel::reference).toList();
        InFlight running;
        boolean start = false;
        synchronized (inFlight) {
            Optional<UpsBookingJournal.Recorded> recorded = journal.recorded(idempotencyKey);
            if (recorded.isPresent()) {
                return recorded.get().fingerprint().equals(fingerprint)
                        ? CompletableFuture.completedFuture(recorded.get().booking())
                        : CompletableFuture.failedFuture(keyReused(idempotencyKey));
            }
            running = inFlight.get(idempotencyKey);
            if (running == null) {
                running = new InFlight(fingerprint, new CompletableFuture<>());
                inFlight.put(idempotencyKey, running);
                start = true;
            } else if (!running.fingerprint().equals(fingerprint)) {
                return CompletableFuture.failedFuture(keyReused(idempotencyKey));
            }
        }
        if (start) {
            InFlight started = running;
            // The exchange may outlive the caller's wait by the late-answer window; its answer is recorded.
            Duration exchangeTimeout = settings.timeout().plus(settings.lateAnswerWindow());
            authorized(token -> post(endpoints.ship(), token, body, exchangeTimeout),
                    reply -> responses.toBookingResult(reply, parcelReferences))
                    .whenComplete((booking, failure) -> {
                        synchronized (inFlight) {
                            if (failure == null) {
                                journal.record(idempotencyKey, fingerprint, booking);
                            }
                            inFlight.remove(idempotencyKey, started);
                        }
                        if (failure == null) {
                            started.exchange().complete(booking);
                        } else {
                            started.exchange().completeExceptionally(failure);
                        }
                    });
        }
        return withinTimeout(running.exchange(), "UPS did not confirm the booking in time; it may still exist, "
                + "ask findBooking before booking again");
    }

    /**
     * The booking this process made under the key (possibly answered after its caller gave up). While the
     * booking call is still running, the stage waits for it up to the timeout and then fails
     * {@code TRANSIENT}. Empty when this process made no booking under the key, or UPS refused it, or its
     * answer never came: UPS cannot be asked by reference (see the class comment).
     */
    @Override
    public CompletionStage<Optional<BookingResult>> findBooking(String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        InFlight running;
        synchronized (inFlight) {
            Optional<BookingResult> found = journal.find(idempotencyKey);
            if (found.isPresent()) {
                return CompletableFuture.completedFuture(found);
            }
            running = inFlight.get(idempotencyKey);
        }
        if (running == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<Optional<BookingResult>> answer = running.exchange()
                .handle((booking, failure) -> failure == null ? Optional.of(booking) : Optional.empty());
        return withinTimeout(answer, "a UPS booking under this key is still being made; ask again");
    }

    /** Voids the whole shipment (all its packages) by its shipment identification number. */
    @Override
    public CompletionStage<VoidResult> voidLabel(String carrierShipmentId) {
        Objects.requireNonNull(carrierShipmentId, "carrierShipmentId");
        // UPS wants the 1Z number in upper case.
        URI uri = endpoints.voidShipment(carrierShipmentId.trim().toUpperCase(Locale.ROOT));
        return this.<VoidResult>authorized(token -> request(uri, token, settings.timeout()).DELETE().build(),
                        reply -> responses.toVoidResult(carrierShipmentId, reply))
                .thenApply(voided -> {
                    synchronized (inFlight) {
                        journal.markVoided(carrierShipmentId);
                    }
                    return voided;
                });
    }

    @Override
    public CompletionStage<TrackingResult> track(String trackingNumber) {
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        String inquiry = trackingNumber.trim();
        URI uri = endpoints.tracking(inquiry);
        return authorized(token -> request(uri, token, settings.timeout()).GET().build(),
                reply -> responses.toTrackingResult(inquiry, reply));
    }

    /**
     * Not supported: UPS Track Alert pushes to an OAuth-protected endpoint of ours, which no service offers
     * yet; {@link #capabilities()} says {@code trackerPush = false}, so callers poll {@link #track}.
     */
    @Override
    public CompletionStage<Void> registerTracker(String trackingNumber, URI callbackUrl) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "the UPS connector does not register trackers; check capabilities().trackerPush()"));
    }

    @Override
    public String toString() {
        return "UpsConnector[" + settings + "]";
    }

    // ------------------------------------------------------------------------------------------------ I/O

    /**
     * Sends with the current token; on a 401 drops that token and sends once more with a fresh one. The
     * returned stage fails with the {@link CarrierException} itself, not wrapped.
     */
    private <T> CompletableFuture<T> authorized(Function<String, HttpRequest> build, Function<UpsReply, T> mapping) {
        CompletableFuture<T> result = new CompletableFuture<>();
        tokens.current()
                .thenCompose(token -> send(build.apply(token)).thenCompose(reply -> {
                    if (reply.status() != 401) {
                        return CompletableFuture.completedFuture(reply);
                    }
                    tokens.invalidate(token);
                    return tokens.current().thenCompose(fresh -> send(build.apply(fresh)));
                }))
                .whenComplete((reply, failure) -> {
                    try {
                        if (failure != null) {
                            result.completeExceptionally(responses.toError(failure));
                        } else {
                            result.complete(mapping.apply(reply));
                        }
                    } catch (RuntimeException mappingFailure) {
                        result.completeExceptionally(mappingFailure);
                    }
                });
        return result;
    }

    private CompletableFuture<UpsReply> send(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(UpsReply::of);
    }

    /** {@code POST /security/v1/oauth/token} with HTTP Basic client credentials. */
    private CompletionStage<AccessToken> fetchToken() {
        String credentials = settings.clientId() + ":" + settings.clientSecret();
        HttpRequest request = HttpRequest.newBuilder(endpoints.token())
                .timeout(settings.timeout())
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        return send(request).handle((reply, failure) -> {
            if (failure != null) {
                throw responses.toError(failure);
            }
            return responses.toAccessToken(reply);
        });
    }

    private HttpRequest post(URI uri, String token, JsonNode body, Duration timeout) {
        byte[] bytes;
        try {
            bytes = UpsJson.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
        return request(uri, token, timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
    }

    private HttpRequest.Builder request(URI uri, String token, Duration timeout) {
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("transId", transactionIds.get())
                .header("transactionSrc", TRANSACTION_SOURCE);
    }

    /** The caller's view of a longer-running stage: it fails {@code TRANSIENT} after the settings' timeout. */
    private <T> CompletableFuture<T> withinTimeout(CompletableFuture<T> stage, String timeoutMessage) {
        CompletableFuture<T> view = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                view.complete(value);
            } else {
                view.completeExceptionally(CarrierException.find(failure).<Throwable>map(e -> e).orElse(failure));
            }
        });
        CompletableFuture.delayedExecutor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> view.completeExceptionally(
                        new CarrierException(CarrierErrorKind.TRANSIENT, timeoutMessage)));
        return view;
    }

    private static CarrierMessage hazardousMessage() {
        return new CarrierMessage("hazardous_not_supported", "UPS needs per-package HazMat data and a hazmat "
                + "contract; the UPS connector does not send them, so it offers no service", CarrierMessage.Severity.WARNING);
    }

    private static CarrierException keyReused(String idempotencyKey) {
        return new CarrierException(CarrierErrorKind.INVALID_REQUEST, "the idempotency key " + idempotencyKey
                + " was used for a different UPS booking request", null, "idempotencyKey", null, null);
    }

    private static String fingerprint(JsonNode body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(UpsJson.MAPPER.writeValueAsBytes(body));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("SHA-256 of a JSON tree always works", e);
        }
    }

    /** UPS's {@code transId}: unique per request, 32 characters. */
    static String newTransactionId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A booking call under way: the request it was made for, and its outcome. */
    private record InFlight(String fingerprint, CompletableFuture<BookingResult> exchange) {
    }
}
