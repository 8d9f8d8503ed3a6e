package dev.carrierhub.tracking.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.contracts.events.Milestone;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CarrierEventIdsTest {
    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void theCarriersOwnIdIsUsedAsIs() {
        assertThat(CarrierEventIds.of(event("evt-1", "Portland, US"))).isEqualTo("evt-1");
    }

    @Test
    void withoutACarrierIdTheSameEventGetsTheSameIdAndAnotherEventAnother() {
        String id = CarrierEventIds.of(event(null, "Portland, US"));

        assertThat(id).startsWith("sha256:").hasSize(7 + 64);
        assertThat(CarrierEventIds.of(event(" ", "Portland, US"))).isEqualTo(id);
        assertThat(CarrierEventIds.of(event(null, "Salem, US"))).isNotEqualTo(id);
    }

    @Test
    void anOverlongCarrierIdIsKeptUniqueWithinTheColumn() {
        String longId = "x".repeat(500);

        assertThat(CarrierEventIds.of(event(longId, null))).hasSizeLessThanOrEqualTo(200)
                .isNotEqualTo(CarrierEventIds.of(event(longId + "y", null)));
    }

    private static TrackingEvent event(String id, String location) {
        return new TrackingEvent(id, "SBX000000000001", Milestone.IN_TRANSIT, "in_transit", "Departed", location, AT,
                null);
    }
}
