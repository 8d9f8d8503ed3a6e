package dev.carrierhub.label.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.testsupport.TestShipments;
import org.junit.jupiter.api.Test;

class ReturnRequestsTest {

    @Test
    void aReturnGoesFromTheCustomerBackToTheWarehouseWithTheSameParcels() {
        Shipment shipped = TestShipments.domestic();

        Shipment back = ReturnRequests.reversed(shipped, "return-1");

        assertThat(back.shipmentId()).isEqualTo("return-1");
        assertThat(back.shipFrom()).isEqualTo(shipped.shipTo());
        assertThat(back.shipTo()).isEqualTo(shipped.shipFrom());
        assertThat(back.parcels()).isEqualTo(shipped.parcels());
        assertThat(back.picking()).isEqualTo(shipped.picking());
    }

    @Test
    void theSameRmaAlwaysNamesTheSameReturnAndAnotherRmaAnother() {
        assertThat(ReturnRequests.returnId("s-1", "RMA-1")).isEqualTo(ReturnRequests.returnId("s-1", "RMA-1"))
                .isNotEqualTo(ReturnRequests.returnId("s-1", "RMA-2"))
                .isNotEqualTo(ReturnRequests.returnId("s-2", "RMA-1"));
    }

    @Test
    void rmaReferencesArePlainAndShort() {
        assertThat(ReturnRequests.RMA_REFERENCE.matcher("RMA-2026/0042_a.b").matches()).isTrue();
        assertThat(ReturnRequests.RMA_REFERENCE.matcher("").matches()).isFalse();
        assertThat(ReturnRequests.RMA_REFERENCE.matcher("-RMA").matches()).isFalse();
        assertThat(ReturnRequests.RMA_REFERENCE.matcher("RMA 1").matches()).isFalse();
        assertThat(ReturnRequests.RMA_REFERENCE.matcher("R".repeat(65)).matches()).isFalse();
    }
}
