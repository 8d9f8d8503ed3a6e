package dev.carrierhub.odoo.client;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One Vert.x per test class, and per test a fresh WireMock Odoo and a fresh {@link OdooClients}. */
abstract class ClientFixture {
    /** Fast back-off so retry tests take milliseconds; a circuit that does not open by accident. */
    static final OdooResilience FAST = new OdooResilience(3, Duration.ofMillis(5), Duration.ofMillis(50), 0.5, 50,
            Duration.ofSeconds(1));
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    static Vertx vertx;
    OdooWire odoo;
    OdooClients clients;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.closeAndAwait();
    }

    @BeforeEach
    void startOdoo() {
        odoo = new OdooWire();
        clients = new OdooClients(vertx, resilience());
    }

    @AfterEach
    void stopOdoo() {
        clients.close();
        odoo.close();
    }

    OdooResilience resilience() {
        return FAST;
    }

    /** The recordings' connection: database odootest, uid 2, password "admin" used as the key. */
    OdooClient recordedJsonRpc() {
        return clients.client(OdooConnection.jsonRpc(odoo.url(), "odootest", 2L, "admin", TIMEOUT));
    }

    static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(10));
    }

    static Throwable failure(Uni<?> uni) {
        try {
            uni.await().atMost(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected the call to fail");
    }
}
