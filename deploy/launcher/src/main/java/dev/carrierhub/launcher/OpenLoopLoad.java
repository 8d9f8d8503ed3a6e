package dev.carrierhub.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Sends HTTP POSTs at a fixed rate whatever the server does (an open loop: a slow answer does not slow
 * the next request down), and times each from when it was due to be sent, not from when it was sent, so
 * a stalled sender cannot hide latency (no coordinated omission).
 */
final class OpenLoopLoad {
    private final HttpClient http;
    private final ExecutorService executor;

    OpenLoopLoad() {
        executor = Executors.newFixedThreadPool(4);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Sends {@code count} requests at {@code perSecond}; {@code body} gives the i-th request's body. */
    Result run(URI uri, int perSecond, int count, IntFunction<String> body) {
        return run(perSecond, count, i -> HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.apply(i))).build());
    }

    /**
     * Sends {@code count} requests at {@code perSecond}; {@code request} builds the i-th one when it is due, so
     * what depends on the moment of sending (a signature's timestamp) is fresh.
     */
    Result run(int perSecond, int count, IntFunction<HttpRequest> request) {
        long[] latencyMicros = new long[count];
        int[] status = new int[count];
        CompletableFuture<?>[] calls = new CompletableFuture<?>[count];
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        long lastSent = start;
        long maxSendLagNanos = 0;
        for (int i = 0; i < count; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            calls[i] = http.sendAsync(request.apply(i), HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
                latencyMicros[index] = (System.nanoTime() - due) / 1_000;
                status[index] = failure == null ? response.statusCode() : -1;
                return null;
            });
            // How far behind its schedule the sender itself fell: a driver that cannot keep up shows here.
            lastSent = System.nanoTime();
            maxSendLagNanos = Math.max(maxSendLagNanos, lastSent - due);
        }
        Duration sending = Duration.ofNanos(lastSent - start);
        CompletableFuture.allOf(calls).join();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Result(latencyMicros, status, elapsed, sending, Duration.ofNanos(maxSendLagNanos));
    }

    void close() {
        executor.shutdownNow();
    }

    /**
     * Every request's latency (µs, from when it was due) and status (-1: no answer), the run's length, how long
     * the requests took to hand over to the client (the last one included), and the furthest a request was
     * handed over behind its schedule.
     */
    record Result(long[] latencyMicros, int[] status, Duration elapsed, Duration sending, Duration maxSendLag) {
        long count(int wanted) {
            return Arrays.stream(status).filter(s -> s == wanted).count();
        }

        /** How many requests got each status. */
        java.util.Map<Integer, Long> statusCounts() {
            return Arrays.stream(status).boxed().collect(java.util.stream.Collectors.groupingBy(s -> s,
                    java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        }

        long errors() {
            return status.length - count(202);
        }

        double achievedPerSecond() {
            return status.length / (elapsed.toNanos() / 1e9);
        }

        /** Requests handed to the client per second: what the driver offered, whatever the server did. */
        double sentPerSecond() {
            return status.length <= 1 ? status.length : (status.length - 1) / (sending.toNanos() / 1e9);
        }

        /** The latency at this percentile (0..100), in milliseconds. */
        double percentileMillis(double percentile) {
            long[] sorted = latencyMicros.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
        }
    }
}
