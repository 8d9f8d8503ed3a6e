package dev.carrierhub.tracking;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A callback is answered once stored ({@code received}) and applied right after: these wait for what it became.
 */
final class AppliedCallbacks {
    private AppliedCallbacks() {
    }

    /** What an accepted callback became once applied: its outcome in lower case and the shipment it went to. */
    record Applied(String outcome, String shipmentId) {
    }

    /** Checks the answer was 202 {@code received}, then waits until the callback is applied. */
    static Applied applied(Pool database, ValidatableResponse answer) {
        String callbackId = answer.statusCode(202).body("outcome", equalTo("received")).extract().path("callbackId");
        AtomicReference<Row> row = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            row.set(database.preparedQuery("select outcome, shipment_id from tracking_callback where id = $1")
                    .execute(Tuple.of(UUID.fromString(callbackId))).await().atMost(Duration.ofSeconds(10))
                    .iterator().next());
            return !"RECEIVED".equals(row.get().getString("outcome"));
        });
        return new Applied(row.get().getString("outcome").toLowerCase(Locale.ROOT), row.get().getString("shipment_id"));
    }
}
