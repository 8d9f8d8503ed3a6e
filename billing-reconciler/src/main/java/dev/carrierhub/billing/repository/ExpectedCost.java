package dev.carrierhub.billing.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** What one labeled shipment should cost: the quote rate-shopping chose and the price the carrier booked. */
@Entity
@Table(name = "expected_cost")
public class ExpectedCost {
    @Id
    @Column(name = "shipment_id")
    public String shipmentId;
    public String tenant;
    @Column(name = "picking_id")
    public long pickingId;
    @Column(name = "picking_name")
    public String pickingName;

    /** The picking's source document (the sale order): invoices may give it as their reference. */
    @Column(name = "picking_origin")
    public String pickingOrigin;
    public String carrier;
    @Column(name = "service_code")
    public String serviceCode;
    @Column(name = "carrier_shipment_id")
    public String carrierShipmentId;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Column(name = "quoted_amount", precision = 19, scale = 4)
    public BigDecimal quotedAmount;
    @Column(name = "quoted_currency", length = 3)
    public String quotedCurrency;
    @Column(name = "booked_amount", precision = 19, scale = 4)
    public BigDecimal bookedAmount;
    @Column(name = "booked_currency", length = 3)
    public String bookedCurrency;
    @Column(name = "labeled_at")
    public Instant labeledAt;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
