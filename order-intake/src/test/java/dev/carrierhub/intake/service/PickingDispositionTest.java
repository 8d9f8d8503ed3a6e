package dev.carrierhub.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.carrierhub.intake.client.PickingHeader;
import dev.carrierhub.intake.repository.IntakeShipment;
import dev.carrierhub.intake.service.PickingDisposition.Action;
import dev.carrierhub.odoo.client.OdooRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PickingDispositionTest {

    @ParameterizedTest(name = "{0} picking, shipment {1}, webhook says {2}: {3}")
    @CsvSource(nullValues = "-", value = {
            "assigned, -,                -,        SHIP",
            "done,     -,                done,     SHIP",
            "assigned, REQUESTED,        assigned, DUPLICATE",
            "assigned, LABELED,          -,        DUPLICATE",
            "cancel,   REQUESTED,        cancel,   CANCEL",
            "cancel,   LABELED,          -,        CANCEL",
            "cancel,   EXCEPTION,        cancel,   CANCEL",
            "cancel,   CANCEL_REQUESTED, cancel,   DUPLICATE",
            "cancel,   -,                cancel,   IGNORE",
            "confirmed, -,               -,        IGNORE",
            "waiting,  -,                -,        IGNORE",
            "draft,    -,                -,        IGNORE",
            "assigned, REQUESTED,        cancel,   WAIT",
            "assigned, -,                done,     WAIT",
    })
    void decidesFromTheStateOdooShowsAndTheShipmentAlreadyMade(String state, IntakeShipment.Status shipment,
            String claimed, Action expected) {
        assertThat(PickingDisposition.decide(picking(state, "outgoing"), claimed, shipment(shipment), true).action())
                .isEqualTo(expected);
    }

    @Test
    void aReadThatNeverCatchesUpIsBelievedOnceTheWebhookHasWaitedLongEnough() {
        // A webhook from a transaction Odoo rolled back (a serialization retry) describes a change that never happened.
        var decision = PickingDisposition.decide(picking("assigned", "outgoing"), "cancel",
                shipment(IntakeShipment.Status.LABELED), false);
        assertThat(decision.action()).isEqualTo(Action.DUPLICATE);
    }

    @Test
    void onlyOutgoingDeliveriesShip() {
        var decision = PickingDisposition.decide(picking("assigned", "incoming"), "assigned", null, true);
        assertThat(decision.action()).isEqualTo(Action.IGNORE);
        assertThat(decision.reason()).contains("incoming");
        assertThat(PickingDisposition.decide(picking("assigned", null), null, null, true).action())
                .as("a picking read without its type code is taken as outgoing").isEqualTo(Action.SHIP);
    }

    @Test
    void waitingSaysWhatTheWebhookClaimedAndWhatOdooShows() {
        var decision = PickingDisposition.decide(picking("assigned", "outgoing"), "cancel", null, true);
        assertThat(decision.reason()).isEqualTo("the webhook says cancel but Odoo still shows assigned");
    }

    private static PickingHeader picking(String state, String typeCode) {
        var values = JsonNodeFactory.instance.objectNode().put("id", 11).put("name", "WH/OUT/00011").put("state", state);
        if (typeCode != null) {
            values.put("picking_type_code", typeCode);
        }
        OdooRecord record = new OdooRecord(values);
        return new PickingHeader(11, "WH/OUT/00011", state, typeCode, null, record);
    }

    private static IntakeShipment shipment(IntakeShipment.Status status) {
        if (status == null) {
            return null;
        }
        IntakeShipment shipment = new IntakeShipment();
        shipment.id = "shp_test";
        shipment.status = status;
        return shipment;
    }
}
