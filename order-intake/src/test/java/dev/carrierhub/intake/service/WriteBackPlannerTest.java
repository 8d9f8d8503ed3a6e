package dev.carrierhub.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carrierhub.contracts.Json;
import dev.carrierhub.contracts.events.BillingDiscrepancy;
import dev.carrierhub.contracts.events.DiscrepancyKind;
import dev.carrierhub.contracts.events.LabelRef;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ShipmentException;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.contracts.events.LabelDeferred;
import dev.carrierhub.contracts.events.ShipmentVoided;
import dev.carrierhub.contracts.events.TrackingUpdated;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.intake.repository.OdooWriteBack;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteBackPlannerTest {
    private static final ObjectMapper JSON = Json.mapper();
    private static final OdooPickingRef PICKING = new OdooPickingRef("acme", 11, "WH/OUT/00011", "S00009");
    private final WriteBackPlanner planner = new WriteBackPlanner(JSON);

    @Test
    void aLabelIsTheTrackingWriteThenEachAttachmentThenOneNoteEachUnderItsOwnKey() throws Exception {
        ShipmentLabeled labeled = new ShipmentLabeled("s-1", PICKING, "ups", "03", "1Z-SHIP", "1Z999AA10123456784",
                Money.of("14.95", "USD"), Money.of("14.95", "USD"),
                List.of(new LabelRef("WH/OUT/00011-1", "PDF", "http://labels/1", "aa".repeat(32), 610),
                        new LabelRef(null, "ZPL", "http://labels/2", "bb".repeat(32), 300)),
                Instant.now());

        List<OdooWriteBack> plan = planner.forLabel("evt-1", labeled);

        assertThat(plan).extracting(w -> w.kind).containsExactly("tracking-reference", "label-attachment",
                "label-attachment", "label-note");
        assertThat(plan).extracting(w -> w.idempotencyKey).containsExactly("evt-1:tracking-reference",
                "evt-1:label-attachment:" + "aa".repeat(32), "evt-1:label-attachment:" + "bb".repeat(32),
                "evt-1:label-note");
        assertThat(plan).allSatisfy(w -> {
            assertThat(w.status).isEqualTo(OdooWriteBack.Status.PLANNED);
            assertThat(w.nextAttemptAt).isEqualTo(w.plannedAt);
            assertThat(w.pickingId).isEqualTo(11);
        });
        JsonNode write = JSON.readTree(plan.get(0).payload);
        assertThat(write.get("values").get("carrier_tracking_ref").asText()).isEqualTo("1Z999AA10123456784");
        assertThat(write.get("values").get("carrier_price").decimalValue()).isEqualByComparingTo("14.95");
        JsonNode pdf = JSON.readTree(plan.get(1).payload);
        assertThat(pdf.get("name").asText()).isEqualTo("Label-ups-1Z999AA10123456784-WH_OUT_00011-1.pdf");
        assertThat(pdf.get("mimetype").asText()).isEqualTo("application/pdf");
        assertThat(pdf.get("res_id").asLong()).isEqualTo(11);
        assertThat(JSON.readTree(plan.get(2).payload).get("name").asText())
                .isEqualTo("Label-ups-1Z999AA10123456784-2.zpl");
        JsonNode note = JSON.readTree(plan.get(3).payload);
        assertThat(note.get("body").asText())
                .isEqualTo("Label booked with ups 03: tracking 1Z999AA10123456784, price 14.95 USD.");
        assertThat(note.get("subtype_xmlid").asText()).isEqualTo("mail.mt_note");
    }

    @Test
    void aMilestoneIsOnePlainTextNote() throws Exception {
        TrackingUpdated update = new TrackingUpdated("s-1", PICKING, "ups", "1Z9", Milestone.DELIVERED,
                Milestone.OUT_FOR_DELIVERY, "D", "Left at <front door>", "Portland", Instant.now(), null);

        List<OdooWriteBack> plan = planner.forTracking("evt-2", update);

        assertThat(plan).singleElement().satisfies(w -> assertThat(w.kind).isEqualTo("tracking-note"));
        assertThat(JSON.readTree(plan.get(0).payload).get("body").asText())
                .as("sent as text: Odoo escapes it").isEqualTo("Tracking 1Z9: DELIVERED - Left at <front door>.");
    }

    @Test
    void aVoidedLabelIsANoteSayingNotToShipWithIt() throws Exception {
        ShipmentVoided voided = new ShipmentVoided("s-1", PICKING, "ups", "1ZVOID", "1Z9", "customer cancelled",
                Instant.now());

        List<OdooWriteBack> plan = planner.forVoid("evt-v", voided);

        assertThat(plan).singleElement().satisfies(w -> {
            assertThat(w.kind).isEqualTo("tracking-note");
            assertThat(w.method).isEqualTo("message_post");
            assertThat(w.idempotencyKey).isEqualTo("evt-v:tracking-note");
        });
        assertThat(JSON.readTree(plan.get(0).payload).get("body").asText()).isEqualTo(
                "Label voided with ups (tracking 1Z9): customer cancelled. Do not ship the parcel with it.");
    }

    @Test
    void aDeferredLabelIsANoteWithTheCarrierAndTheNextTry() throws Exception {
        LabelDeferred deferred = new LabelDeferred("s-1", PICKING, "ups", "03", "ups unreachable", 1,
                Instant.parse("2026-11-27T10:05:00Z"), Instant.parse("2026-11-27T10:00:00Z"));

        List<OdooWriteBack> plan = planner.forDeferral("evt-d", deferred);

        assertThat(plan).singleElement().satisfies(w -> assertThat(w.kind).isEqualTo("tracking-note"));
        assertThat(JSON.readTree(plan.get(0).payload).get("body").asText()).isEqualTo(
                "Label delayed: ups is not available (ups unreachable). Carrier Hub tries again at 2026-11-27T10:05:00Z.");
    }

    @Test
    void anExceptionIsAnActivityForTheOwnerItsReasonRoutesTo() throws Exception {
        Instant raised = Instant.parse("2026-03-02T10:00:00Z");
        List<OdooWriteBack> plan = planner.forException("evt-3", new ShipmentException("s-1", PICKING, "intake",
                "address.city.missing", "The ship-to address has no city.", null, false, raised));

        assertThat(plan).singleElement().satisfies(w -> {
            assertThat(w.kind).isEqualTo("exception-activity");
            assertThat(w.method).isEqualTo("activity_schedule");
        });
        JsonNode activity = JSON.readTree(plan.get(0).payload);
        assertThat(activity.get("owner").asText()).isEqualTo("customer-service");
        assertThat(activity.get("raised_at").asText()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(activity.get("summary").asText()).isEqualTo("Shipping exception: address.city.missing");
        assertThat(planner.forException("evt-4", new ShipmentException("s-1", null, "booking", "x", "y", null, false,
                raised))).as("no picking, nothing to write to").isEmpty();
    }

    @Test
    void aBillingDiscrepancyIsAFinanceActivityWithItsFigures() throws Exception {
        BillingDiscrepancy discrepancy = new BillingDiscrepancy("s-1", null, "ups", "INV-1", "1Z9",
                DiscrepancyKind.SURCHARGE, Money.of("10.00", "USD"), Money.of("13.50", "USD"), Money.of("3.50", "USD"),
                "Residential surcharge.", Instant.parse("2026-03-02T10:00:00Z"));

        List<OdooWriteBack> plan = planner.forDiscrepancy("evt-5", discrepancy, PICKING);

        assertThat(plan).singleElement().satisfies(w -> {
            assertThat(w.kind).isEqualTo("finance-activity");
            assertThat(w.idempotencyKey).isEqualTo("evt-5:finance-activity");
        });
        JsonNode activity = JSON.readTree(plan.get(0).payload);
        assertThat(activity.get("owner").asText()).isEqualTo("finance");
        assertThat(activity.get("summary").asText()).isEqualTo("Billing discrepancy: surcharge on invoice INV-1");
        assertThat(activity.get("note").asText()).isEqualTo(
                "ups invoice INV-1, tracking 1Z9: billed 13.50 USD, expected 10.00 USD, variance 3.50 USD.\n"
                        + "Residential surcharge.");
        assertThat(planner.forDiscrepancy("evt-6", discrepancy, null)).isEmpty();
        assertThat(planner.forDiscrepancy("evt-7", new BillingDiscrepancy("s-1", null, "ups", "INV-1", null,
                DiscrepancyKind.WITHIN_TOLERANCE, null, Money.of("10.01", "USD"), null, null, Instant.now()), PICKING))
                .as("nothing for a person to do").isEmpty();
    }
}
