package dev.carrierhub.core.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Runs business work in one database transaction and, once it has committed, wakes the outbox relay so
 * new events leave within milliseconds instead of waiting for the next poll.
 */
@ApplicationScoped
public class Transactions {
    private final OutboxRelay relay;

    public Transactions(OutboxRelay relay) {
        this.relay = relay;
    }

    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Panache.withTransaction(work).invoke(relay::nudge);
    }
}
