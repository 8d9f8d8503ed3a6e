package dev.carrierhub.carriers;

import dev.carrierhub.contracts.shipment.Money;
import java.util.List;
import java.util.Objects;

/** A booking the carrier confirmed: its ids, the price it will bill, one label per parcel, and warnings. */
public record BookingResult(
        String carrierShipmentId,
        String trackingNumber,
        Money price,
        List<Label> labels,
        List<CarrierMessage> messages) {
    public BookingResult {
        Objects.requireNonNull(carrierShipmentId, "carrierShipmentId");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(price, "price");
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
