package dev.carrierhub.core.inbox;

import dev.carrierhub.core.outbox.Transactions;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Applies an event's effect at most once per consumer: the processed-event row is inserted in the same
 * transaction as the effect, so a redelivered event finds it and is skipped, and a failed effect rolls
 * the row back so the event can be retried. A failure that passes by itself (the database restarting) is tried
 * again in place ({@link TransientRetry}) before the event is given up to the dead-letter topic.
 */
@ApplicationScoped
public class IdempotentConsumer {
    private static final String CLAIM = """
            insert into inbox_processed_event (consumer, event_id, topic, subject)
            values (?1, ?2, ?3, ?4)
            on conflict do nothing""";

    private final Transactions transactions;
    private final TransientRetry retry;
    private final MeterRegistry meters;

    public IdempotentConsumer(Transactions transactions, TransientRetry retry, MeterRegistry meters) {
        this.transactions = transactions;
        this.retry = retry;
        this.meters = meters;
    }

    /** Runs {@code effect} in one transaction with the claim, unless {@code consumer} already processed the event. */
    public Uni<Outcome> consume(String consumer, IncomingEvent event, Supplier<Uni<?>> effect) {
        return retry.run(consumer, () -> transactions.inTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM)
                        .setParameter(1, consumer)
                        .setParameter(2, event.id())
                        .setParameter(3, event.topic())
                        .setParameter(4, event.subject())
                        .executeUpdate())
                .chain(claimed -> claimed == 0
                        ? Uni.createFrom().item(Outcome.DUPLICATE)
                        : effect.get().replaceWith(Outcome.PROCESSED))))
                .invoke(outcome -> meters.counter("carrierhub.events.consumed",
                        "consumer", consumer, "outcome", outcome.name().toLowerCase()).increment());
    }

    /** What became of one delivery. */
    public enum Outcome { PROCESSED, DUPLICATE }
}
