package dev.carrierhub.intake.client;

import dev.carrierhub.intake.config.OdooConfig;
import dev.carrierhub.odoo.client.OdooClients;
import dev.carrierhub.odoo.client.OdooResilience;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One {@link OdooClients} for the application, on Quarkus' Vert.x: one client and circuit per tenant. */
@ApplicationScoped
public class OdooClientsProducer {

    @Produces
    @Singleton
    OdooClients odooClients(Vertx vertx, OdooConfig config) {
        return new OdooClients(vertx, resilience(config));
    }

    void close(@Disposes OdooClients clients) {
        clients.close();
    }

    static OdooResilience resilience(OdooConfig config) {
        return new OdooResilience(config.retry().maxAttempts(), config.retry().initialBackoff(),
                config.retry().maxBackoff(), config.retry().jitter(), config.circuit().failureThreshold(),
                config.circuit().openDelay());
    }
}
