package dev.carrierhub.label.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One shipment's booking with its carrier: created once from the first {@code shipment.rated}, then
 * worked on until the carrier has booked it or it has failed for good.
 */
@Entity
@Table(name = "booking")
public class Booking {
    @Id
    @Column(name = "shipment_id")
    public String shipmentId;
    @Enumerated(EnumType.STRING)
    public State state;
    public String carrier;
    @Column(name = "service_code")
    public String serviceCode;
    /** The canonical shipment as rated, in the contract's JSON. */
    public String shipment;
    /** The chosen quote, in the contract's JSON. */
    @Column(name = "chosen_quote")
    public String chosenQuote;
    @Column(name = "rated_at")
    public Instant ratedAt;
    /** Sent with every booking call, so the carrier makes one booking however often it is asked. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    /** Carrier booking calls started so far; above zero, an earlier call may have booked unseen. */
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Column(name = "carrier_shipment_id")
    public String carrierShipmentId;
    @Column(name = "price_amount")
    public BigDecimal priceAmount;
    @Column(name = "price_currency")
    public String priceCurrency;
    @Column(name = "source_event_id")
    public String sourceEventId;
    public String traceparent;
    public String tracestate;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Where a booking is: waiting for the carrier, booked with labels, or given up. */
    public enum State { REQUESTED, BOOKED, FAILED }
}
