package dev.carrierhub.contracts;

import dev.carrierhub.contracts.events.BillingDiscrepancy;
import dev.carrierhub.contracts.events.DiscrepancyKind;
import dev.carrierhub.contracts.events.LabelRef;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.events.LabelDeferred;
import dev.carrierhub.contracts.events.ShipmentCancelRequested;
import dev.carrierhub.contracts.events.ShipmentVoided;
import dev.carrierhub.contracts.events.ShipmentEvent;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.contracts.events.ShipmentRated;
import dev.carrierhub.contracts.events.ShipmentRequested;
import dev.carrierhub.contracts.events.TrackingUpdated;
import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.CustomsLine;
import dev.carrierhub.contracts.shipment.Dimensions;
import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One fully populated (every optional field set, every list non-empty) and one minimal (every optional
 * field null) payload per event type. The switches have no default branch, so a new event type does not
 * compile until it has samples here.
 */
final class Samples {
    static final String TENANT = "acme-prod";
    static final long PICKING_ID = 4711;
    static final String SHIPMENT_ID = ShipmentIds.forPicking(TENANT, PICKING_ID);
    static final Instant AT = Instant.parse("2025-03-14T09:26:53.589Z");

    private Samples() {
    }

    static ShipmentEvent full(EventType type) {
        return switch (type) {
            case SHIPMENT_REQUESTED -> new ShipmentRequested(fullShipment(), AT);
            case SHIPMENT_RATED -> new ShipmentRated(
                    fullShipment(),
                    fullQuote("q-1", "dhl", "EXPRESS_WORLDWIDE", "23.90"),
                    List.of(fullQuote("q-2", "ups", "UPS_SAVER", "25.10"), fullQuote("q-3", "dpd", "CLASSIC", "31.00")),
                    "cheapest-within-sla",
                    AT,
                    AT.minusSeconds(2));
            case SHIPMENT_LABELED -> new ShipmentLabeled(
                    SHIPMENT_ID,
                    fullPicking(),
                    "dhl",
                    "EXPRESS_WORLDWIDE",
                    "DHL-8812345",
                    "JD014600006281230704",
                    Money.of("24.15", "EUR"),
                    Money.of("23.90", "EUR"),
                    List.of(new LabelRef(
                            "PARCEL-1",
                            "PDF",
                            "https://labels.carrierhub.dev/acme-prod/" + SHIPMENT_ID + "/1.pdf",
                            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                            48_213L)),
                    AT);
            case SHIPMENT_EXCEPTION -> new ShipmentException(
                    SHIPMENT_ID,
                    fullPicking(),
                    "label",
                    "ADDRESS_INVALID",
                    "Postal code 99999 does not exist in DE",
                    "dhl",
                    true,
                    AT);
            case SHIPMENT_CANCEL_REQUESTED -> new ShipmentCancelRequested(
                    SHIPMENT_ID, fullPicking(), "customer cancelled the order", AT);
            case SHIPMENT_VOIDED -> new ShipmentVoided(
                    SHIPMENT_ID, fullPicking(), "dhl", "DHL-8812345", "JD014600006281230704",
                    "customer cancelled the order", AT);
            case LABEL_DEFERRED -> new LabelDeferred(
                    SHIPMENT_ID, fullPicking(), "dhl", "PAKET", "dhl: circuit open after repeated failures", 2,
                    AT.plusSeconds(300), AT);
            case TRACKING_UPDATED -> new TrackingUpdated(
                    SHIPMENT_ID,
                    fullPicking(),
                    "dhl",
                    "JD014600006281230704",
                    Milestone.DELIVERED,
                    Milestone.OUT_FOR_DELIVERY,
                    "OK",
                    "Delivered to neighbour",
                    "Berlin, DE",
                    AT,
                    new ProofOfDelivery("M. Muster", AT, "front door", "https://pod.example/photo/1.jpg"));
            case BILLING_DISCREPANCY -> new BillingDiscrepancy(
                    SHIPMENT_ID,
                    fullPicking(),
                    "dhl",
                    "INV-2025-0042",
                    "JD014600006281230704",
                    DiscrepancyKind.WEIGHT_ADJUSTMENT,
                    Money.of("24.15", "EUR"),
                    Money.of("29.80", "EUR"),
                    Money.of("5.65", "EUR"),
                    "billed 3.4 kg instead of 2.5 kg",
                    AT);
        };
    }

    static ShipmentEvent minimal(EventType type) {
        return switch (type) {
            case SHIPMENT_REQUESTED -> new ShipmentRequested(minimalShipment(), AT);
            case SHIPMENT_RATED -> new ShipmentRated(
                    minimalShipment(), new Quote(null, "dhl", "PAKET", null, Money.of("4.99", "EUR"), null), null, "cheapest", AT);
            case SHIPMENT_LABELED -> new ShipmentLabeled(
                    SHIPMENT_ID, minimalPicking(), "dhl", null, null, "JD014600006281230704", Money.of("4.99", "EUR"),
                    null, null, AT);
            case SHIPMENT_EXCEPTION -> new ShipmentException(
                    SHIPMENT_ID, null, "intake", "VALIDATION_FAILED", "picking has no parcels", null, false, AT);
            case SHIPMENT_CANCEL_REQUESTED -> new ShipmentCancelRequested(SHIPMENT_ID, minimalPicking(), null, AT);
            case SHIPMENT_VOIDED -> new ShipmentVoided(SHIPMENT_ID, minimalPicking(), "dhl", "DHL-8812345", null, null, AT);
            case LABEL_DEFERRED -> new LabelDeferred(
                    SHIPMENT_ID, minimalPicking(), "dhl", null, "dhl unreachable", 1, AT.plusSeconds(300), AT);
            case TRACKING_UPDATED -> new TrackingUpdated(
                    SHIPMENT_ID, null, "dhl", "JD014600006281230704", Milestone.IN_TRANSIT, null, null, null, null, AT, null);
            case BILLING_DISCREPANCY -> new BillingDiscrepancy(
                    SHIPMENT_ID, null, "dhl", "INV-2025-0042", null, DiscrepancyKind.UNKNOWN_SHIPMENT, null,
                    Money.of("12.00", "EUR"), null, null, AT);
        };
    }

    static OdooPickingRef fullPicking() {
        return new OdooPickingRef(TENANT, PICKING_ID, "WH/OUT/00042", "S00042");
    }

    static OdooPickingRef minimalPicking() {
        return new OdooPickingRef(TENANT, PICKING_ID, null, null);
    }

    static Shipment fullShipment() {
        return new Shipment(
                SHIPMENT_ID,
                fullPicking(),
                new Address("Acme Warehouse", "Acme GmbH", "Lagerstraße 1", "Tor 3", "Hamburg", "20095", "DE-HH", "DE",
                        "+49 40 123456", "shipping@acme.example", false),
                new Address("Jane Doe", "Doe Consulting", "1 Main Street", "Suite 200", "Zurich", "8001", "CH-ZH", "CH",
                        "+41 44 1234567", "jane@doe.example", true),
                List.of(
                        new Parcel("PARCEL-1", new Weight(new BigDecimal("2.500"), WeightUnit.KG),
                                new Dimensions(new BigDecimal("40"), new BigDecimal("30.5"), new BigDecimal("20"), LengthUnit.CM),
                                "BOX_M"),
                        new Parcel("PARCEL-2", new Weight(new BigDecimal("12"), WeightUnit.OZ),
                                new Dimensions(new BigDecimal("10"), new BigDecimal("8"), new BigDecimal("4"), LengthUnit.IN),
                                "ENVELOPE")),
                Money.of("149.90", "EUR"),
                ServiceLevel.EXPRESS,
                List.of(new CustomsLine("SKU-1", "Cotton T-shirt", "610910", "PT", new BigDecimal("3"),
                        new Weight(new BigDecimal("0.6"), WeightUnit.KG), Money.of("59.70", "EUR"))),
                true,
                "dhl");
    }

    static Shipment minimalShipment() {
        return new Shipment(
                SHIPMENT_ID,
                minimalPicking(),
                new Address("Acme Warehouse", null, "Lagerstraße 1", null, "Hamburg", null, null, "DE", null, null, false),
                new Address("John Roe", null, "Hauptstraße 5", null, "Berlin", null, null, "DE", null, null, false),
                List.of(new Parcel("PARCEL-1", new Weight(new BigDecimal("1"), WeightUnit.KG), null, null)),
                null,
                ServiceLevel.STANDARD,
                null,
                false,
                null);
    }

    private static Quote fullQuote(String id, String carrier, String serviceCode, String price) {
        return new Quote(id, carrier, serviceCode, ServiceLevel.EXPRESS, Money.of(price, "EUR"), 1);
    }
}
