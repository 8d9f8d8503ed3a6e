package dev.carrierhub.carriers.sendcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.testing.WebhookVectors;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SendcloudWebhookMapperTest {

    @Test
    void aDeliveredParcelStatusIsADeliveryAtTheCarriersTime() {
        TrackingEvent event = SendcloudWebhookMapper.toTrackingEvent(recorded("webhook-parcel-delivered.json")).orElseThrow();

        Instant carrierTime = Instant.ofEpochSecond(1_772_531_040L);
        assertThat(event).isEqualTo(new TrackingEvent(null, "JJD000390007654321", Milestone.DELIVERED, "11", "Delivered",
                null, carrierTime, new ProofOfDelivery(null, carrierTime, null, null)));
    }

    @Test
    void withoutTheCarriersTimeItIsSendcloudsInSecondsOrMilliseconds() {
        TrackingEvent event = SendcloudWebhookMapper.toTrackingEvent(recorded("webhook-parcel-sorted-ms.json")).orElseThrow();

        assertThat(event.milestone()).isEqualTo(Milestone.IN_TRANSIT);
        assertThat(event.carrierStatus()).isEqualTo("5");
        assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochMilli(1_772_444_700_123L));
    }

    @Test
    void aV3ParcelEventReadsThroughThePhaseTable() {
        TrackingEvent event = SendcloudWebhookMapper.toTrackingEvent(recorded("event-parcel-in-delivery.json")).orElseThrow();

        assertThat(event.milestone()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
        assertThat(event.trackingNumber()).isEqualTo("JJD000390007654321");
    }

    @Test
    void otherIntegrationWebhooksCarryNoTrackingEvent() {
        assertThat(SendcloudWebhookMapper.toTrackingEvent(recorded("webhook-integration-updated.json"))).isEmpty();
        assertThat(SendcloudWebhookMapper.toTrackingEvent("{\"event_type\":\"returns.created\"}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void aBodyThatIsNoParcelWebhookIsRefused() {
        assertThatThrownBy(() -> SendcloudWebhookMapper.toTrackingEvent("{\"key\": \"value\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SendcloudWebhookMapper.toTrackingEvent("nope".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SendcloudWebhookMapper.toTrackingEvent(
                "{\"action\":\"parcel_status_changed\",\"timestamp\":1772444700,\"parcel\":{\"status\":{\"id\":11}}}"
                        .getBytes(StandardCharsets.UTF_8))).as("no tracking number").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SendcloudWebhookMapper.toTrackingEvent(
                "{\"action\":\"parcel_status_changed\",\"parcel\":{\"tracking_number\":\"X1\",\"status\":{\"id\":11}}}"
                        .getBytes(StandardCharsets.UTF_8))).as("no time").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusIdsTheSpecsConfirmAndUnknownOnes() {
        assertThat(SendcloudParcelStatus.milestoneOf(11)).isEqualTo(Milestone.DELIVERED);
        assertThat(SendcloudParcelStatus.milestoneOf(1000)).isEqualTo(Milestone.PRE_TRANSIT);
        assertThat(SendcloudParcelStatus.milestoneOf(2000)).isEqualTo(Milestone.CANCELLED);
        assertThat(SendcloudParcelStatus.milestoneOf(1999)).as("cancellation requested: not yet cancelled")
                .isEqualTo(Milestone.UNKNOWN);
        assertThat(SendcloudParcelStatus.milestoneOf(424242)).isEqualTo(Milestone.UNKNOWN);
        assertThat(SendcloudParcelStatus.milestoneOf(null)).isEqualTo(Milestone.UNKNOWN);
    }

    /**
     * Sendcloud's own parcel_status_changed example reads; its status id 1 ("Ready to send") is not an id of
     * Sendcloud's status list (ready to send is 1000), so it moves nothing.
     */
    @Test
    void sendcloudsExampleReads() {
        TrackingEvent event = SendcloudWebhookMapper.toTrackingEvent(WebhookVectors.file("sendcloud/parcel-status-changed.json"))
                .orElseThrow();

        assertThat(event.trackingNumber()).isEqualTo("3SYZXG132912330");
        assertThat(event.milestone()).isEqualTo(Milestone.UNKNOWN);
        assertThat(event.description()).isEqualTo("Ready to send");
        assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochSecond(123));
    }

    /** The v3 event subscription examples (InTransit, Delivered) read through the phase table. */
    @Test
    void sendcloudsParcelEventExamplesRead() {
        assertThat(SendcloudWebhookMapper.toTrackingEvent(WebhookVectors.file("sendcloud/parcel-event-created-in-transit.json"))
                .orElseThrow().milestone()).isEqualTo(Milestone.IN_TRANSIT);
        assertThat(SendcloudWebhookMapper.toTrackingEvent(WebhookVectors.file("sendcloud/parcel-event-created-delivered.json"))
                .orElseThrow().milestone()).isEqualTo(Milestone.DELIVERED);
    }

    private static byte[] recorded(String name) {
        return SendcloudResources.text("recorded/" + name).getBytes(StandardCharsets.UTF_8);
    }
}
