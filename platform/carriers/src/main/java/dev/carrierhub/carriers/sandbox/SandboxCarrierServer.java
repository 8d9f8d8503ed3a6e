package dev.carrierhub.carriers.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP server that behaves like a real carrier: rates, idempotent bookings with PDF labels,
 * voids, tracking, and signed tracking callbacks, plus switches to make it slow, flaky, throttled or
 * down. Used by local runs, tests and load benchmarks; see the module README for the API.
 *
 * <pre>{@code
 * try (SandboxCarrierServer sandbox = new SandboxCarrierServer(SandboxServerConfig.defaults(secret)).start()) {
 *     sandbox.behaviour().failureRate(0.2);
 *     ... sandbox.baseUri() ...
 * }
 * }</pre>
 */
public final class SandboxCarrierServer implements AutoCloseable {
    /** Requests waiting for a worker beyond this are refused, as an overloaded gateway would. */
    private static final int QUEUE_CAPACITY = 4_096;

    private final SandboxServerConfig config;
    private final SandboxBehaviour behaviour;
    private final SandboxCounters counters = new SandboxCounters();
    private final BookingCallLog bookingCalls = new BookingCallLog(BookingCallLog.DEFAULT_CAPACITY, Clock.systemUTC());
    private final TrackingCallLog trackingCalls = new TrackingCallLog(TrackingCallLog.DEFAULT_CAPACITY, Clock.systemUTC());
    private final BookingLedger ledger = new BookingLedger();
    private HttpServer server;
    private ThreadPoolExecutor workers;
    private ScheduledExecutorService scheduler;
    private ExecutorService callbackExecutor;
    private boolean closed;

    public SandboxCarrierServer(SandboxServerConfig config) {
        this.config = config;
        this.behaviour = new SandboxBehaviour(config.randomSeed());
    }

    /** Binds the port and starts serving; returns this, for try-with-resources. */
    public synchronized SandboxCarrierServer start() {
        if (server != null || closed) {
            throw new IllegalStateException("a sandbox carrier starts once");
        }
        Clock clock = Clock.systemUTC();
        workers = new ThreadPoolExecutor(config.workerThreads(), config.workerThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), daemonThreads("sandbox-worker"));
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, daemonThreads("sandbox-timer"));
        timers.setRemoveOnCancelPolicy(true);
        scheduler = timers;
        callbackExecutor = Executors.newFixedThreadPool(2, daemonThreads("sandbox-callback"));
        HttpClient callbackClient = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .executor(callbackExecutor)
                .build();
        TrackerDispatcher dispatcher = new TrackerDispatcher(config.webhookSecret(), callbackClient, scheduler,
                counters, config.callbackDelay(), config.callbackRetryBackoff(), config.callbackMaxRetries(), clock);
        SandboxRouter router = new SandboxRouter(routes(dispatcher, clock), behaviour, config.apiKey(), workers,
                scheduler, config.maxHang());
        try {
            server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 256);
        } catch (IOException e) {
            shutDownExecutors();
            throw new UncheckedIOException("could not bind the sandbox carrier to " + config.host() + ":" + config.port(), e);
        }
        server.setExecutor(workers);
        server.createContext("/", router);
        server.start();
        return this;
    }

    private List<Route> routes(TrackerDispatcher dispatcher, Clock clock) {
        RatesEndpoint rates = new RatesEndpoint(counters);
        ShipmentsEndpoint shipments = new ShipmentsEndpoint(ledger, new TrackingNumbers(), new LabelRenderer(),
                counters, clock);
        TrackingEndpoint tracking = new TrackingEndpoint(ledger);
        TrackersEndpoint trackers = new TrackersEndpoint(ledger, dispatcher, clock);
        AdminEndpoint admin = new AdminEndpoint(behaviour, ledger, dispatcher, this::stats, clock);
        return List.of(
                Route.post("/v1/rates", rates::quote),
                Route.post("/v1/shipments", bookingCalls.recording(BookingCallLog.Operation.SHIP, shipments::book)),
                Route.get("/v1/shipments",
                        bookingCalls.recording(BookingCallLog.Operation.FIND_BOOKING, shipments::findByIdempotencyKey)),
                Route.get("/v1/shipments/([^/]+)", shipments::get),
                Route.post("/v1/shipments/([^/]+)/void", shipments::voidShipment),
                Route.get("/v1/tracking/([^/]+)", trackingCalls.recording(tracking::status)),
                Route.post("/v1/trackers", trackers::register),
                Route.get("/admin/behaviour", admin::behaviour),
                Route.put("/admin/behaviour", admin::changeBehaviour),
                Route.get("/admin/stats", admin::stats),
                Route.post("/admin/trackers/([^/]+)/events", admin::pushEvent));
    }

    /** The bound port (the free one picked when the config asked for port 0). */
    public int port() {
        return requireStarted().getAddress().getPort();
    }

    /** Where clients reach the sandbox, e.g. {@code http://127.0.0.1:40123}. */
    public URI baseUri() {
        InetSocketAddress address = requireStarted().getAddress();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
    }

    /** The misbehaviour switches, live. */
    public SandboxBehaviour behaviour() {
        return behaviour;
    }

    public SandboxStats stats() {
        return counters.snapshot(ledger.size());
    }

    /** Every booking and booking look-up served so far, with its idempotency key and answer. */
    public BookingCallLog bookingCalls() {
        return bookingCalls;
    }

    /** Every tracking look-up served so far, with its tracking number and when it was answered. */
    public TrackingCallLog trackingCalls() {
        return trackingCalls;
    }

    public SandboxServerConfig config() {
        return config;
    }

    /** Stops serving at once: open and held requests are cut off, pending callbacks dropped. */
    @Override
    public synchronized void close() {
        if (server == null || closed) {
            return;
        }
        closed = true;
        behaviour.dropHeld();
        server.stop(0);
        shutDownExecutors();
    }

    private void shutDownExecutors() {
        scheduler.shutdownNow();
        workers.shutdownNow();
        callbackExecutor.shutdownNow();
    }

    private HttpServer requireStarted() {
        if (server == null) {
            throw new IllegalStateException("the sandbox carrier is not started");
        }
        return server;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
