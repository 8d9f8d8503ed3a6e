package dev.carrierhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.devstack.DevStackTestResource;
import dev.carrierhub.intake.repository.OdooWriteBack;
import dev.carrierhub.intake.repository.OdooWriteBackRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The write-back queue's head query: per-picking order, FAILED writes holding their picking, SKIP LOCKED. */
@QuarkusTest
@TestProfile(WriteBackQueueTest.WorkerStopped.class)
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "order_intake_writeback_queue"))
@WithTestResource(WriteBackOdooTestResource.class)
class WriteBackQueueTest {
    /** The worker's timer off, so that only the test claims the rows it writes. */
    public static class WorkerStopped implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("carrierhub.writeback.poll-interval", "1h");
        }
    }

    private static final Instant DUE = Instant.parse("2026-01-01T00:00:00Z");

    @Inject
    OdooWriteBackRepository writeBacks;

    private String tenant;

    @BeforeEach
    void freshTenant() throws Throwable {
        tenant = "queue-" + UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> writeBacks.delete("status <> ?1",
                OdooWriteBack.Status.SENT)));
    }

    @Test
    void only_the_oldest_unsent_write_of_each_picking_is_due() throws Throwable {
        UUID first = store(1, OdooWriteBack.Status.PLANNED);
        store(1, OdooWriteBack.Status.PLANNED);
        UUID otherPicking = store(2, OdooWriteBack.Status.PLANNED);
        store(3, OdooWriteBack.Status.FAILED);
        store(3, OdooWriteBack.Status.PLANNED);

        List<OdooWriteBack> heads = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> writeBacks.lockDueHeads(DUE.plusSeconds(1), 20)));

        assertThat(heads).extracting(row -> row.id).containsExactly(first, otherPicking);
    }

    @Test
    void heads_another_transaction_holds_are_skipped_not_waited_for() throws Throwable {
        store(1, OdooWriteBack.Status.PLANNED);
        UUID free = store(2, OdooWriteBack.Status.PLANNED);
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<List<UUID>> holderClaimed = new CompletableFuture<>();
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try {
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> writeBacks
                        .lockDueHeads(DUE.plusSeconds(1), 1)
                        .invoke(rows -> holderClaimed.complete(rows.stream().map(row -> row.id).toList()))
                        .chain(rows -> heldUntil(release))));
            } catch (Throwable e) {
                holderClaimed.completeExceptionally(e);
                throw new IllegalStateException(e);
            }
        });
        try {
            List<UUID> held = holderClaimed.get(30, TimeUnit.SECONDS);
            assertThat(held).hasSize(1);

            List<OdooWriteBack> rest = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> writeBacks.lockDueHeads(DUE.plusSeconds(1), 20)).ifNoItem().after(Duration.ofSeconds(10))
                    .fail());

            assertThat(rest).extracting(row -> row.id).doesNotContainAnyElementsOf(held).hasSize(1);
            assertThat(held).doesNotContain(rest.get(0).id);
            assertThat(List.of(held.get(0), rest.get(0).id)).contains(free);
        } finally {
            release.complete(null);
            holder.get(30, TimeUnit.SECONDS);
        }
    }

    /** Completes once {@code release} does, back on the session's own Vert.x context (where it must commit). */
    private static Uni<Void> heldUntil(CompletableFuture<Void> release) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().emitter(emitter -> release.thenRun(() -> context.runOnContext(ignored -> emitter.complete(null))));
    }

    private UUID store(long pickingId, OdooWriteBack.Status status) throws Throwable {
        OdooWriteBack row = new OdooWriteBack();
        row.id = UUID.randomUUID();
        row.idempotencyKey = "queue-test:" + row.id;
        row.shipmentId = "shipment-" + pickingId;
        row.tenant = tenant;
        row.pickingId = pickingId;
        row.kind = "tracking-note";
        row.model = "stock.picking";
        row.method = "message_post";
        row.payload = "{}";
        row.status = status;
        row.plannedAt = DUE;
        row.nextAttemptAt = DUE;
        if (status == OdooWriteBack.Status.FAILED) {
            row.failure = OdooWriteBack.Failure.PERMANENT;
            row.failedAt = DUE;
        }
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> writeBacks.persist(row)));
        return row.id;
    }
}
