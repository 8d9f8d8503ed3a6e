package dev.carrierhub.odoo.client;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes and caches one {@link OdooClient} per {@link OdooConnection} (tenant), all sharing one Vert.x
 * {@link WebClient} with a keep-alive connection pool. Make one per application: in Quarkus, produce it as a
 * singleton from the injected {@code io.vertx.mutiny.core.Vertx}; in a plain test, from {@code Vertx.vertx()}.
 * {@link #close()} closes the web client, not the Vert.x instance.
 */
public final class OdooClients implements AutoCloseable {
    private static final int POOL_SIZE_PER_HOST = 16;
    private final Vertx vertx;
    private final WebClient webClient;
    private final OdooResilience resilience;
    private final Map<OdooConnection, OdooClient> clients = new ConcurrentHashMap<>();

    public OdooClients(Vertx vertx) {
        this(vertx, OdooResilience.defaults());
    }

    public OdooClients(Vertx vertx, OdooResilience resilience) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.resilience = Objects.requireNonNull(resilience, "resilience");
        // Keep-alive pays off behind a proxy and with JSON-2; Odoo's own Werkzeug answers /jsonrpc with
        // "Connection: close", and Vert.x then simply opens a new connection for the next call.
        this.webClient = WebClient.create(vertx, new WebClientOptions()
                .setKeepAlive(true)
                .setMaxPoolSize(POOL_SIZE_PER_HOST)
                .setDecompressionSupported(true)
                .setFollowRedirects(false)
                .setUserAgent("carrier-hub-odoo-client"));
    }

    /** For callers that hold the bare {@code io.vertx.core.Vertx}. */
    public static OdooClients create(io.vertx.core.Vertx vertx, OdooResilience resilience) {
        return new OdooClients(Vertx.newInstance(vertx), resilience);
    }

    /** The client for this connection, made on first use; the same instance (and circuit) afterwards. */
    public OdooClient client(OdooConnection connection) {
        return clients.computeIfAbsent(Objects.requireNonNull(connection, "connection"), this::newClient);
    }

    /** Forgets a connection's client, e.g. after its tenant was removed or its key rotated. */
    public void evict(OdooConnection connection) {
        clients.remove(connection);
    }

    public OdooResilience resilience() {
        return resilience;
    }

    private OdooClient newClient(OdooConnection connection) {
        OdooHttp http = new OdooHttp(webClient, connection);
        Clock clock = Clock.systemUTC();
        OdooTransport transport = connection.protocol() == OdooProtocol.JSON_2
                ? new Json2Transport(http, connection, clock)
                : new JsonRpcTransport(http, connection, clock);
        CircuitBreaker breaker = new CircuitBreaker(resilience.failureThreshold(), resilience.openDelay(),
                System::nanoTime, connection.label());
        RetryPolicy retry = new RetryPolicy(resilience, () -> ThreadLocalRandom.current().nextDouble());
        return new DefaultOdooClient(connection, transport, new CallGuard(connection, retry, breaker, this::sleep));
    }

    /** Waits on a Vert.x timer, so the retry continues on the caller's Vert.x context. */
    private Uni<Void> sleep(Duration delay) {
        long millis = delay.toMillis();
        if (millis < 1) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(millis, id -> emitter.complete(null)));
    }

    @Override
    public void close() {
        clients.clear();
        webClient.close();
    }
}
