package dev.carrierhub.carriers.easypost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.testing.WebhookVectors;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EasyPostWebhookMapperTest {

    @Test
    void aTrackerUpdateIsItsLatestDetailUnderTheEventsId() {
        TrackingEvent event = EasyPostWebhookMapper.toTrackingEvent(recorded("event-tracker-updated.json")).orElseThrow();

        assertThat(event).isEqualTo(new TrackingEvent("evt_test_1", "9405500208303109884175", Milestone.OUT_FOR_DELIVERY,
                "out_for_delivery", "Out for Delivery", "REDONDO BEACH, CA, US", Instant.parse("2026-03-05T08:40:00Z"), null));
    }

    @Test
    void aDeliveryCarriesWhoSigned() {
        TrackingEvent event = EasyPostWebhookMapper.toTrackingEvent(recorded("event-tracker-delivered.json")).orElseThrow();

        assertThat(event.eventId()).isEqualTo("evt_test_2");
        assertThat(event.milestone()).isEqualTo(Milestone.DELIVERED);
        assertThat(event.carrierStatus()).isEqualTo("delivered/arrived_at_destination");
        assertThat(event.proofOfDelivery()).isEqualTo(new ProofOfDelivery("M GARCIA", Instant.parse("2026-03-05T17:01:00Z"),
                "REDONDO BEACH, CA, US", null));
    }

    @Test
    void aTrackerWithoutDetailsIsItsOwnStatus() {
        TrackingEvent event = EasyPostWebhookMapper.toTrackingEvent(recorded("event-tracker-created.json")).orElseThrow();

        assertThat(event).isEqualTo(new TrackingEvent("evt_test_3", "9405500208303109884175", Milestone.PRE_TRANSIT,
                "pre_transit/label_created", null, null, Instant.parse("2026-03-02T09:15:07Z"), null));
    }

    @Test
    void anEventAboutSomethingElseCarriesNoTrackingEvent() {
        assertThat(EasyPostWebhookMapper.toTrackingEvent(recorded("event-refund-successful.json"))).isEmpty();
    }

    @Test
    void aBodyThatIsNoEasyPostEventIsRefused() {
        assertThatThrownBy(() -> EasyPostWebhookMapper.toTrackingEvent("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EasyPostWebhookMapper.toTrackingEvent(recorded("tracker-created.json")))
                .as("a tracker answer is not an event").isInstanceOf(IllegalArgumentException.class);
        byte[] withoutCode = new String(recorded("event-tracker-updated.json"), StandardCharsets.UTF_8)
                .replace("\"tracking_code\": \"9405500208303109884175\",", "").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EasyPostWebhookMapper.toTrackingEvent(withoutCode)).isInstanceOf(IllegalArgumentException.class);
    }

    /** EasyPost's official tracker.updated example (the body of its signature vector). */
    @Test
    void easyPostsOfficialEventReads() {
        byte[] body = WebhookVectors.specFile("easypost/official/fixtures/event-body.json");

        TrackingEvent event = EasyPostWebhookMapper.toTrackingEvent(body).orElseThrow();

        assertThat(event).isEqualTo(new TrackingEvent("evt_1", "1", Milestone.IN_TRANSIT, "in_transit/arrived_at_facility",
                "Arrived at FedEx location", "EDISON, NJ, US", Instant.parse("2024-08-02T18:50:00Z"), null));
    }

    private static byte[] recorded(String name) {
        return EasyPostResources.text("recorded/" + name).getBytes(StandardCharsets.UTF_8);
    }
}
