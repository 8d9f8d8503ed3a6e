package dev.carrierhub.rating.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.contracts.Json;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.testsupport.TestShipments;
import org.junit.jupiter.api.Test;

class ShipmentReaderTest {
    private final ShipmentReader reader = new ShipmentReader();

    @Test
    void readsACanonicalShipment() throws Exception {
        Shipment shipment = TestShipments.domestic();

        assertThat(reader.read(Json.mapper().writeValueAsString(shipment))).isEqualTo(shipment);
    }

    @Test
    void notJsonIsMalformed() {
        assertThatThrownBy(() -> reader.read("{\"shipmentId\": ")).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().type()).endsWith("/malformed-json"));
    }

    @Test
    void aShipmentMissingWhatTheContractRequiresIsInvalidAndSaysWhat() {
        assertThatThrownBy(() -> reader.read("{\"shipmentId\": \"x\"}")).isInstanceOf(ProblemException.class)
                .satisfies(e -> {
                    ProblemException problem = (ProblemException) e;
                    assertThat(problem.problem().status()).isEqualTo(400);
                    assertThat(problem.problem().type()).endsWith("/invalid-shipment");
                    assertThat(problem.problem().detail()).contains("picking");
                });
        assertThatThrownBy(() -> reader.read("  ")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> reader.read("null")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> reader.read("[1, 2]")).isInstanceOf(ProblemException.class);
    }
}
