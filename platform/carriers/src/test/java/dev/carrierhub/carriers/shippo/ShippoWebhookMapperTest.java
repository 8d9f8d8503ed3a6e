package dev.carrierhub.carriers.shippo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.testing.WebhookVectors;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShippoWebhookMapperTest {

    @Test
    void aTrackUpdateIsItsCurrentStatusUnderTheStatusObjectId() {
        TrackingEvent event = ShippoWebhookMapper.toTrackingEvent(recorded("webhook-track-updated.json")).orElseThrow();

        assertThat(event).isEqualTo(new TrackingEvent("c3e5a7c9e1f34b4c0e8a2c4e6a8c0e2a", "9205590164917312751089",
                Milestone.OUT_FOR_DELIVERY, "TRANSIT/out_for_delivery", "Out for Delivery, Expected Delivery by 8:00pm.",
                "Redondo Beach, CA, US", Instant.parse("2026-03-05T08:40:00Z"), null));
    }

    @Test
    void otherWebhooksCarryNoTrackingEvent() {
        assertThat(ShippoWebhookMapper.toTrackingEvent(recorded("webhook-transaction-created.json"))).isEmpty();
    }

    @Test
    void aBodyThatIsNoTrackUpdateIsRefused() {
        assertThatThrownBy(() -> ShippoWebhookMapper.toTrackingEvent("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShippoWebhookMapper.toTrackingEvent("{\"event\":\"track_updated\",\"data\":{}}"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
        byte[] undated = new String(recorded("webhook-track-updated.json"), StandardCharsets.UTF_8)
                .replace("\"status_date\": \"2026-03-05T08:40:00.000Z\"", "\"status_date\": \"yesterday\"")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ShippoWebhookMapper.toTrackingEvent(undated)).isInstanceOf(IllegalArgumentException.class);
    }

    /** carrier-specs' synthetic track_updated, written to Shippo's WebhookPayloadTrack schema. */
    @Test
    void theSharedTrackUpdateReads() {
        TrackingEvent event = ShippoWebhookMapper.toTrackingEvent(WebhookVectors.file("shippo/track-updated.synthetic.json"))
                .orElseThrow();

        assertThat(event.eventId()).isEqualTo("ce48ff3d52a34e91b77aa98370182624");
        assertThat(event.milestone()).isEqualTo(Milestone.DELIVERED);
        assertThat(event.proofOfDelivery()).isEqualTo(new ProofOfDelivery(null, Instant.parse("2024-07-23T13:03:00Z"),
                "Spotsylvania, VA, US", null));
    }

    private static byte[] recorded(String name) {
        return ShippoResources.text("recorded/" + name).getBytes(StandardCharsets.UTF_8);
    }
}
