package dev.carrierhub.carriers.shippo;

import dev.carrierhub.carriers.testing.SharedSpecs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.contracts.events.Milestone;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShippoStatusTest {

    @Test
    void aSubstatusRefinesOnlyAParcelUnderWay() {
        assertThat(ShippoStatus.milestoneOf("TRANSIT", "out_for_delivery")).isEqualTo(Milestone.OUT_FOR_DELIVERY);
        assertThat(ShippoStatus.milestoneOf("TRANSIT", "delivery_attempted")).isEqualTo(Milestone.DELIVERY_ATTEMPTED);
        assertThat(ShippoStatus.milestoneOf("UNKNOWN", "package_available_for_pickup")).isEqualTo(Milestone.AVAILABLE_FOR_PICKUP);
        assertThat(ShippoStatus.milestoneOf("DELIVERED", "out_for_delivery")).isEqualTo(Milestone.DELIVERED);
        assertThat(ShippoStatus.milestoneOf("TRANSIT", "package_departed")).isEqualTo(Milestone.IN_TRANSIT);
        assertThat(ShippoStatus.milestoneOf("LOST_IN_SPACE", null)).isEqualTo(Milestone.UNKNOWN);
        assertThat(ShippoStatus.milestoneOf(null, null)).isEqualTo(Milestone.UNKNOWN);
    }

    /** Conformance: the table equals the {@code shippo} section of the shared {@code status-mapping.json}. */
    @Test
    void theTableIsTheSharedStatusMapping() throws IOException {
        JsonNode shippo = ShippoJson.MAPPER.readTree(Files.readString(SharedSpecs.require("status-mapping.json"))).path("shippo");
        Set<String> statuses = new HashSet<>();
        shippo.path("map").fields().forEachRemaining(entry -> {
            statuses.add(entry.getKey());
            assertThat(ShippoStatus.milestoneOf(entry.getKey(), null)).as(entry.getKey())
                    .isEqualTo(Milestone.valueOf(entry.getValue().asText()));
        });
        for (ShippoStatus status : ShippoStatus.values()) {
            assertThat(statuses).contains(status.name());
        }
        Set<String> substatuses = new HashSet<>();
        shippo.path("refine_with_substatus").fields().forEachRemaining(entry -> {
            if (!entry.getKey().startsWith("_")) {
                substatuses.add(entry.getKey());
                assertThat(ShippoStatus.milestoneOf("TRANSIT", entry.getKey())).as(entry.getKey())
                        .isEqualTo(Milestone.valueOf(entry.getValue().asText()));
            }
        });
        assertThat(substatuses).isEqualTo(ShippoStatus.SUBSTATUS.keySet());
    }

    /** Conformance: every status our table knows is in the spec's {@code TrackingStatusEnum}, and back. */
    @Test
    void theTableCoversTheSpecsTrackingStatusEnum() {
        JsonNode spec = readYaml();
        Set<String> specStatuses = new HashSet<>();
        spec.at("/components/schemas/TrackingStatusEnum/enum").forEach(value -> specStatuses.add(value.asText()));
        Set<String> ours = new HashSet<>();
        for (ShippoStatus status : ShippoStatus.values()) {
            ours.add(status.name());
        }
        assertThat(ours).isEqualTo(specStatuses);
    }

    private static JsonNode readYaml() {
        try {
            return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(
                    SharedSpecs.require("shippo/public-api.yaml").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
