package dev.carrierhub.carriers.shippo;

import dev.carrierhub.carriers.CarrierMessage;
import dev.carrierhub.contracts.shipment.Money;
import java.net.URI;
import java.util.List;

/**
 * The parts of a Shippo {@code Transaction} (a bought label) the connector acts on.
 *
 * @param objectId       the transaction's object id: our carrier shipment id
 * @param status         {@code SUCCESS}, {@code ERROR}, {@code QUEUED}, {@code WAITING}, {@code REFUNDED},
 *                       {@code REFUNDPENDING} or {@code REFUNDREJECTED}
 * @param trackingNumber the carrier's tracking number, or null
 * @param labelUrl       where the label file is, or null
 * @param labelFormat    the canonical format of that file
 * @param rateId         the rate bought
 * @param price          the rate's price when the answer embeds the rate, else null (then {@code GET /rates/{id}})
 * @param metadata       our idempotency key
 * @param messages       the carrier's messages about the purchase
 */
public record ShippoTransaction(
        String objectId,
        String status,
        String trackingNumber,
        URI labelUrl,
        String labelFormat,
        String rateId,
        Money price,
        String metadata,
        List<CarrierMessage> messages) {
    public ShippoTransaction {
        messages = List.copyOf(messages);
    }

    /** Whether the label was bought and is there to print. */
    public boolean succeeded() {
        return "SUCCESS".equals(status) && labelUrl != null && trackingNumber != null;
    }

    /** Whether a refund was asked for already (pending or granted). */
    public boolean refundRequested() {
        return "REFUNDED".equals(status) || "REFUNDPENDING".equals(status);
    }
}
