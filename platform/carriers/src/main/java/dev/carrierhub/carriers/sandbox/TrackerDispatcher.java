package dev.carrierhub.carriers.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Pushes signed tracking callbacks: the scripted in-transit then delivered pair after a tracker is
 * registered, and single events on demand. A callback the receiver refuses (non-2xx) or cannot take
 * (unreachable, timeout) is re-delivered with doubling back-off, with the same event id and body and a
 * fresh signature timestamp, then given up.
 */
final class TrackerDispatcher {
    private static final Duration PUSH_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String secret;
    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final SandboxCounters counters;
    private final Duration delay;
    private final Duration backoff;
    private final int maxRetries;
    private final Clock clock;

    TrackerDispatcher(String secret, HttpClient client, ScheduledExecutorService scheduler, SandboxCounters counters,
            Duration delay, Duration backoff, int maxRetries, Clock clock) {
        this.secret = secret;
        this.client = client;
        this.scheduler = scheduler;
        this.counters = counters;
        this.delay = delay;
        this.backoff = backoff;
        this.maxRetries = maxRetries;
        this.clock = clock;
    }

    /** Plays the scripted journey: in transit from the origin, then delivered and signed for at the destination. */
    void startJourney(Booking booking, Tracker tracker) {
        ParsedShipment shipment = booking.shipment();
        later(delay, () -> emit(booking, tracker, SandboxEvent.of(SandboxStatus.IN_TRANSIT, "Departed origin facility",
                Booking.place(shipment.shipFromCity(), shipment.shipFromCountry()), clock.instant(), null))
                .whenComplete((done, failure) -> later(delay, () -> emit(booking, tracker, SandboxEvent.of(
                        SandboxStatus.DELIVERED, "Delivered, signed for",
                        Booking.place(shipment.shipToCity(), shipment.shipToCountry()), clock.instant(),
                        signatory(shipment.shipToName()))))));
    }

    /** Records {@code event} on the booking and pushes it; completes once delivered or given up. */
    CompletableFuture<Void> emit(Booking booking, Tracker tracker, SandboxEvent event) {
        booking.record(event);
        byte[] body;
        try {
            body = SandboxJson.MAPPER.writeValueAsBytes(event.toCallback(tracker.trackingNumber()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        attempt(tracker, body, 0, done);
        return done;
    }

    private void attempt(Tracker tracker, byte[] body, int retry, CompletableFuture<Void> done) {
        HttpRequest request = HttpRequest.newBuilder(tracker.callbackUrl())
                .timeout(PUSH_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "SandboxCarrier/1")
                .header(SandboxSignature.HEADER, SandboxSignature.sign(secret, clock.instant().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() / 100 == 2) {
                counters.callbacksDelivered.incrementAndGet();
                done.complete(null);
            } else if (retry < maxRetries) {
                counters.callbackRetries.incrementAndGet();
                later(backoff(retry), () -> attempt(tracker, body, retry + 1, done));
            } else {
                counters.callbacksFailed.incrementAndGet();
                done.complete(null);
            }
        });
    }

    private Duration backoff(int retry) {
        Duration wait = backoff.multipliedBy(1L << Math.min(retry, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private void later(Duration wait, Runnable task) {
        try {
            scheduler.schedule(task, wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            // The server is closing: pending callbacks are dropped, as a carrier going away would.
        }
    }

    /** A plausible signatory: the recipient's last name, as couriers write it on the device. */
    private static String signatory(String name) {
        String[] words = name.trim().split("\\s+");
        return words[words.length - 1].toUpperCase(Locale.ROOT);
    }
}
