package dev.carrierhub.carriers.fedex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.testing.SharedSpecs;
import dev.carrierhub.carriers.testing.WebhookVectors;
import dev.carrierhub.contracts.events.Milestone;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FedExStatusTest {

    @Test
    void derivedCodesMapToMilestones() {
        assertThat(FedExStatus.milestoneOf("OC")).isEqualTo(Milestone.PRE_TRANSIT);
        assertThat(FedExStatus.milestoneOf("it")).isEqualTo(Milestone.IN_TRANSIT);
        assertThat(FedExStatus.milestoneOf("OD")).isEqualTo(Milestone.OUT_FOR_DELIVERY);
        assertThat(FedExStatus.milestoneOf("DL")).isEqualTo(Milestone.DELIVERED);
        assertThat(FedExStatus.milestoneOf("DE")).isEqualTo(Milestone.EXCEPTION);
        assertThat(FedExStatus.milestoneOf("DY")).as("a delay keeps the parcel in transit").isEqualTo(Milestone.IN_TRANSIT);
        assertThat(FedExStatus.milestoneOf("ZZ")).isEqualTo(Milestone.UNKNOWN);
        assertThat(FedExStatus.milestoneOf(null)).isEqualTo(Milestone.UNKNOWN);
    }

    /** Conformance: the table equals the {@code fedex} map of the shared {@code status-mapping.json}, both ways. */
    @Test
    void theTableIsTheSharedStatusMapping() {
        JsonNode map = WebhookVectors.read(SharedSpecs.require("status-mapping.json")).path("fedex").path("map");
        Set<String> shared = new HashSet<>();
        map.fields().forEachRemaining(entry -> {
            shared.add(entry.getKey());
            assertThat(FedExStatus.milestoneOf(entry.getKey())).as(entry.getKey())
                    .isEqualTo(Milestone.valueOf(entry.getValue().asText()));
        });
        assertThat(FedExStatus.BY_CODE.keySet()).isEqualTo(shared);
    }
}
