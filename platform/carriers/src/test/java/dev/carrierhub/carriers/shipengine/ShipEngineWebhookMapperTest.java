package dev.carrierhub.carriers.shipengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.testing.TestResources;
import dev.carrierhub.carriers.testing.WebhookVectors;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShipEngineWebhookMapperTest {

    @Test
    void aTrackWebhookIsItsNewestEventRefinedByItsDetailCode() {
        TrackingEvent event = ShipEngineWebhookMapper.toTrackingEvent(recorded("webhook-track-out-for-delivery.json")).orElseThrow();

        assertThat(event).isEqualTo(new TrackingEvent(null, "794843185271", Milestone.OUT_FOR_DELIVERY, "IT/OUT_FOR_DELIVERY",
                "On FedEx vehicle for delivery", "MEMPHIS, TN, US", Instant.parse("2026-11-27T14:02:00Z"), null));
    }

    @Test
    void otherResourcesAndTracksWithoutEventsCarryNoTrackingEvent() {
        assertThat(ShipEngineWebhookMapper.toTrackingEvent(recorded("webhook-batch.json"))).isEmpty();
        assertThat(ShipEngineWebhookMapper.toTrackingEvent(recorded("webhook-track-no-events.json"))).isEmpty();
    }

    @Test
    void aBodyThatIsNoShipEngineWebhookIsRefused() {
        assertThatThrownBy(() -> ShipEngineWebhookMapper.toTrackingEvent("{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShipEngineWebhookMapper.toTrackingEvent("{\"resource_type\":\"API_TRACK\",\"data\":{}}"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShipEngineWebhookMapper.toTrackingEvent(("{\"resource_type\":\"API_TRACK\",\"data\":"
                + "{\"tracking_number\":\"1\",\"events\":[{\"occurred_at\":\"soon\"}]}}").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** carrier-specs' synthetic track webhook (the body of its signature vector), written to ShipEngine's schema. */
    @Test
    void theSharedTrackWebhookReads() {
        TrackingEvent event = ShipEngineWebhookMapper.toTrackingEvent(WebhookVectors.file("shipengine/track.synthetic.json"))
                .orElseThrow();

        Instant deliveredAt = Instant.parse("2024-04-23T13:50:04Z");
        assertThat(event).isEqualTo(new TrackingEvent(null, "1Z932R800392060079", Milestone.DELIVERED, "DE/DELIVERED",
                "DELIVERED", "CHARLOTTE, NC, US", deliveredAt, new ProofOfDelivery("JOHN", deliveredAt, "CHARLOTTE, NC, US", null)));
    }

    private static byte[] recorded(String name) {
        return TestResources.bytes("shipengine", "recorded/" + name);
    }
}
