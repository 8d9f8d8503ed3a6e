package dev.carrierhub.carriers.easypost;

import dev.carrierhub.carriers.testing.SharedSpecs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.contracts.events.Milestone;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EasyPostStatusTest {

    @Test
    void unknownAndMissingStatusesAreUnknown() {
        assertThat(EasyPostStatus.milestoneOf(null)).isEqualTo(Milestone.UNKNOWN);
        assertThat(EasyPostStatus.milestoneOf("teleported")).isEqualTo(Milestone.UNKNOWN);
        assertThat(EasyPostStatus.milestoneOf("failure")).isEqualTo(Milestone.EXCEPTION);
        assertThat(EasyPostStatus.milestoneOf("return_to_sender")).isEqualTo(Milestone.RETURNED_TO_SENDER);
    }

    /** Conformance: the table equals the {@code easypost} map of the shared {@code status-mapping.json}, both ways. */
    @Test
    void theTableIsTheSharedStatusMapping() throws IOException {
        JsonNode map = EasyPostJson.MAPPER.readTree(Files.readString(SharedSpecs.require("status-mapping.json")))
                .path("easypost").path("map");
        Set<String> shared = new HashSet<>();
        map.fields().forEachRemaining(entry -> {
            shared.add(entry.getKey());
            assertThat(EasyPostStatus.milestoneOf(entry.getKey())).as(entry.getKey())
                    .isEqualTo(Milestone.valueOf(entry.getValue().asText()));
        });
        for (EasyPostStatus status : EasyPostStatus.values()) {
            assertThat(shared).as("status-mapping.json knows " + status.wireName()).contains(status.wireName());
        }
    }
}
