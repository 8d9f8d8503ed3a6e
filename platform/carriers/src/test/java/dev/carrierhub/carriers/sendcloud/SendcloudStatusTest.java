package dev.carrierhub.carriers.sendcloud;

import dev.carrierhub.carriers.testing.SharedSpecs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.carrierhub.contracts.events.Milestone;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SendcloudStatusTest {

    @Test
    void anExceptionOverridesThePhaseOnlyWhereTheTableSaysSo() {
        assertThat(SendcloudStatus.milestoneOf("in_transit", "none")).isEqualTo(Milestone.IN_TRANSIT);
        assertThat(SendcloudStatus.milestoneOf("in_transit", "returned_sender")).isEqualTo(Milestone.RETURNED_TO_SENDER);
        assertThat(SendcloudStatus.milestoneOf("sorted", "sorting_delay")).isEqualTo(Milestone.IN_TRANSIT);
        assertThat(SendcloudStatus.milestoneOf("in_delivery", "customer_rejected")).isEqualTo(Milestone.OUT_FOR_DELIVERY);
        assertThat(SendcloudStatus.milestoneOf("teleported", null)).isEqualTo(Milestone.UNKNOWN);
        assertThat(SendcloudStatus.milestoneOfStatusCode("returned_sender")).isEqualTo(Milestone.RETURNED_TO_SENDER);
        assertThat(SendcloudStatus.milestoneOfStatusCode(null)).isEqualTo(Milestone.UNKNOWN);
    }

    /** Conformance: the tables equal the {@code sendcloud_v3} section of the shared {@code status-mapping.json}. */
    @Test
    void theTablesAreTheSharedStatusMapping() throws IOException {
        JsonNode section = SendcloudJson.MAPPER.readTree(Files.readString(SharedSpecs.require("status-mapping.json")))
                .path("sendcloud_v3");
        assertThat(SendcloudStatus.PHASES).isEqualTo(milestones(section.path("map_phase")));
        assertThat(SendcloudStatus.EXCEPTIONS).isEqualTo(milestones(section.path("exception_overrides")));
    }

    /** Conformance: every phase and exception the event spec names is a key we know (or knowingly keep). */
    @Test
    void theTablesCoverTheEventSpecsVocabulary() throws IOException {
        JsonNode schemas = new YAMLMapper().readTree(SharedSpecs.require(
                "sendcloud/sendcloud-v3-event-subscriptions-openapi.yml").toFile()).path("components").path("schemas");
        Set<String> phases = new HashSet<>();
        schemas.path("parcel-event-phase").path("enum").forEach(value -> phases.add(value.asText()));
        assertThat(SendcloudStatus.PHASES.keySet()).isEqualTo(phases);
        Set<String> exceptions = new HashSet<>();
        schemas.path("parcel-event-exception").path("enum").forEach(value -> exceptions.add(value.asText()));
        assertThat(exceptions).containsAll(SendcloudStatus.EXCEPTIONS.keySet());
    }

    private static Map<String, Milestone> milestones(JsonNode map) {
        Map<String, Milestone> milestones = new HashMap<>();
        map.fields().forEachRemaining(entry -> {
            if (!entry.getKey().startsWith("_")) {
                milestones.put(entry.getKey(), Milestone.valueOf(entry.getValue().asText()));
            }
        });
        return milestones;
    }
}
