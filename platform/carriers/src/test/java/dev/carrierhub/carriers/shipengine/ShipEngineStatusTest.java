package dev.carrierhub.carriers.shipengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.testing.SharedSpecs;
import dev.carrierhub.carriers.testing.WebhookVectors;
import dev.carrierhub.contracts.events.Milestone;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShipEngineStatusTest {

    @Test
    void theDetailCodeRefinesTheStatus() {
        assertThat(ShipEngineStatus.milestoneOf("IT", "OUT_FOR_DELIVERY")).isEqualTo(Milestone.OUT_FOR_DELIVERY);
        assertThat(ShipEngineStatus.milestoneOf("IT", "ARRIVED_AT_FACILITY")).isEqualTo(Milestone.IN_TRANSIT);
        assertThat(ShipEngineStatus.milestoneOf("DE", "DELIVERED_TO_PICKUP_POINT")).isEqualTo(Milestone.AVAILABLE_FOR_PICKUP);
        assertThat(ShipEngineStatus.milestoneOf("EX", "RETURN_TO_SENDER")).isEqualTo(Milestone.RETURNED_TO_SENDER);
        assertThat(ShipEngineStatus.milestoneOf("de", null)).isEqualTo(Milestone.DELIVERED);
        assertThat(ShipEngineStatus.milestoneOf("ZZ", "ZZ")).isEqualTo(Milestone.UNKNOWN);
        assertThat(ShipEngineStatus.milestoneOf(null, null)).isEqualTo(Milestone.UNKNOWN);
    }

    /** Conformance: both tables equal the {@code shipengine} section of the shared {@code status-mapping.json}. */
    @Test
    void theTablesAreTheSharedStatusMapping() {
        JsonNode section = WebhookVectors.read(SharedSpecs.require("status-mapping.json")).path("shipengine");

        assertThat(ShipEngineStatus.BY_STATUS).isEqualTo(table(section.path("map")));
        assertThat(ShipEngineStatus.BY_DETAIL).isEqualTo(table(section.path("refine_with_status_detail_code")));
    }

    private static Map<String, Milestone> table(JsonNode map) {
        Map<String, Milestone> table = new HashMap<>();
        map.fields().forEachRemaining(e -> table.put(e.getKey(), Milestone.valueOf(e.getValue().asText())));
        return table;
    }
}
