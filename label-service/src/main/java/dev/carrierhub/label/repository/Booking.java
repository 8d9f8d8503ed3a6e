package dev.carrierhub.label.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

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
    /** When the shipment was requested, if the rated event said so. */
    @Column(name = "requested_at")
    public Instant requestedAt;
    /** Sent with every booking call, so the carrier makes one booking however often it is asked. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    /** Ranked quotes after the chosen one, in the contract's JSON: where a carrier that is down falls back to. */
    public String alternatives;
    /** Carrier calls started in the current round; a round ends in a fallback, a deferral or a replay. */
    public int attempts;
    /** Calls started with the current carrier; above zero, an earlier call may have booked unseen. */
    @Column(name = "carrier_calls")
    public int carrierCalls;
    /** True while a call to the current carrier may have booked unseen: no fallback before it is asked. */
    @Column(name = "outcome_unknown")
    public boolean outcomeUnknown;
    /** Times the booking was parked because its carrier was down. */
    public int deferrals;
    /** When the current outage began for this booking; null when it is not deferred. */
    @Column(name = "deferred_since")
    public Instant deferredSince;
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
    @Column(name = "booked_at")
    public Instant bookedAt;
    /** The state a void started from; a void the carrier refuses goes back to it. */
    @Enumerated(EnumType.STRING)
    @Column(name = "void_from")
    public State voidFrom;
    @Column(name = "void_reason")
    public String voidReason;
    /** For a return label: the shipment it returns (null for an outbound booking). */
    @Column(name = "return_of")
    public String returnOf;
    /** For a return label: the RMA reference it was made for. */
    @Column(name = "rma_reference")
    public String rmaReference;
    @Column(name = "source_event_id")
    public String sourceEventId;
    public String traceparent;
    public String tracestate;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Where a booking is (README, "Booking states"). */
    public enum State {
        /** Waiting for a carrier call (the worker's queue). */
        REQUESTED,
        /** Parked while its carrier is down; back to REQUESTED when due. */
        DEFERRED,
        /** The carrier booked it; labels are stored. */
        BOOKED,
        /** Given up: the carrier refused it, or it stayed down too long. */
        FAILED,
        /** A void is on its way to the carrier (the worker's queue). */
        VOIDING,
        /** The carrier voided the label. */
        VOIDED,
        /** Cancelled before any carrier booked it: nothing to void. */
        CANCELLED;

        /** States the worker takes from the queue when their time comes. */
        public static final Set<State> QUEUED = EnumSet.of(REQUESTED, DEFERRED, VOIDING);
    }
}
