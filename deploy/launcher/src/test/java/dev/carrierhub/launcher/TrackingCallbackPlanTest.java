package dev.carrierhub.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackingCallbackPlanTest {
    private final TrackingCallbackPlan plan = new TrackingCallbackPlan(List.of("SBX1", "SBX2", "SBX3"), 1_000, 100);

    @Test
    void oneCallbackInTwentyAfterTheFirstGapIsAReDeliveryOfAnEarlierBody() {
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        for (int slot = 0; slot < plan.total(); slot++) {
            String body = text(slot);
            boolean isNew = seen.add(body);
            assertThat(isNew).as("slot %d", slot).isEqualTo(!plan.isDuplicate(slot));
            duplicates += isNew ? 0 : 1;
        }
        assertThat(duplicates).isEqualTo(plan.duplicates()).isEqualTo(45);
        assertThat(seen).hasSize(plan.uniqueEvents());
    }

    @Test
    void eachJourneyRunsInTransitThenOutForDeliveryThenDelivered() {
        List<String> statuses = new ArrayList<>();
        for (int slot = 0; slot < plan.total(); slot++) {
            String body = text(slot);
            if (!plan.isDuplicate(slot) && body.contains("\"SBX2\"")) {
                statuses.add(body.replaceAll(".*\"status\":\"([a-z_]+)\".*", "$1"));
            }
        }
        assertThat(statuses.subList(0, statuses.size() - 2)).containsOnly("in_transit");
        assertThat(statuses.subList(statuses.size() - 2, statuses.size()))
                .containsExactly("out_for_delivery", "delivered");
        assertThat(plan.deliveries()).isEqualTo(3);
    }

    private String text(int slot) {
        return new String(plan.body(slot), StandardCharsets.UTF_8);
    }
}
