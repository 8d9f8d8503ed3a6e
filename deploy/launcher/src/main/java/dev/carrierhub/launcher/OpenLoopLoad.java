package dev.carrierhub.launcher;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Sends HTTP POSTs at a fixed rate whatever the server does (an open loop: a slow answer does not slow
 * the next request down), and times each from when it was due to be sent, not from when it was sent, so
 * a stalled sender cannot hide latency (no coordinated omission).
 *
 * <p>The requests go over a bounded pool of HTTP/1.1 keep-alive connections on one Vert.x event loop. When
 * the server slows, requests wait for a free connection instead of each opening one of its own, so the
 * driver neither floods the server with connections nor takes a core from it.
 */
final class OpenLoopLoad implements AutoCloseable {
    /** {@code -Ddriver.connections=<n>} sets the pool's size for the benchmarks. */
    static final int DEFAULT_CONNECTIONS = Integer.getInteger("driver.connections", 64);
    /**
     * Ten seconds of requests at 3,000/s, so at the benchmarks' rates a waiting request ends by its timeout, not
     * by the bound; the bound keeps a faster run against a stalled server from holding every request it sends.
     */
    static final int DEFAULT_WAIT_QUEUE = 30_000;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final Vertx vertx;
    private final HttpClient http;
    private final AtomicInteger connectionsOpened = new AtomicInteger();

    OpenLoopLoad() {
        this(DEFAULT_CONNECTIONS, DEFAULT_WAIT_QUEUE);
    }

    /** At most {@code connections} open at once, and at most {@code waitQueue} requests waiting for one. */
    OpenLoopLoad(int connections, int waitQueue) {
        // One event loop carries thousands of requests a second; a second would compete with the server
        // under test for the machine's cores.
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        HttpClientOptions client = new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true).setPipelining(false).setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        http = vertx.httpClientBuilder().with(client)
                .with(new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(waitQueue))
                .withConnectHandler(connection -> connectionsOpened.incrementAndGet())
                .build();
    }

    /** Sends {@code count} requests at {@code perSecond}; {@code body} gives the i-th request's JSON body. */
    Result run(URI uri, int perSecond, int count, IntFunction<String> body) {
        return run(perSecond, count, i -> OutgoingPost.json(uri, body.apply(i)));
    }

    /**
     * Sends {@code count} requests at {@code perSecond}; {@code request} builds the i-th one when it is due, so
     * what depends on the moment of sending (a signature's timestamp) is fresh.
     */
    Result run(int perSecond, int count, IntFunction<OutgoingPost> request) {
        long[] latencyMicros = new long[count];
        int[] status = new int[count];
        // Counted down on the event loop; awaiting it also makes the answers' writes visible to this thread.
        CountDownLatch answered = new CountDownLatch(count);
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
            send(request.apply(i)).onComplete(answer -> {
                latencyMicros[index] = (System.nanoTime() - due) / 1_000;
                status[index] = answer.succeeded() ? answer.result() : -1;
                answered.countDown();
            });
            // How far behind its schedule the sender itself fell: a driver that cannot keep up shows here.
            lastSent = System.nanoTime();
            maxSendLagNanos = Math.max(maxSendLagNanos, lastSent - due);
        }
        Duration sending = Duration.ofNanos(lastSent - start);
        awaitAll(answered);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Result(latencyMicros, status, elapsed, sending, Duration.ofNanos(maxSendLagNanos));
    }

    /**
     * The answer's status once its body is in. A full wait queue, a refused or lost connection and the timeout
     * fail the future. The timeout counts from the hand-over: waiting for a connection uses part of it.
     */
    private Future<Integer> send(OutgoingPost post) {
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(post.uri().toString()).setConnectTimeout(REQUEST_TIMEOUT.toMillis());
        post.headers().forEach(options::putHeader);
        return http.request(options)
                // The answer of a POST this small is its first bytes back, so silence for the rest of the
                // time is the request's timeout.
                .compose(request -> request.idleTimeout(millisUntil(deadline)).send(Buffer.buffer(post.body())))
                .compose(response -> response.end().map(done -> response.statusCode()));
    }

    private static long millisUntil(long deadlineNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    private static void awaitAll(CountDownLatch answered) {
        try {
            answered.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the answers", e);
        }
    }

    /** Connections opened since the pool was made: beyond its size, ones lost or closed by a timeout were replaced. */
    int connectionsOpened() {
        return connectionsOpened.get();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
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
