package dev.carrierhub.carriers.ups;

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

class UpsTrackAlertMapperTest {

    /** The trap: type D without proof of delivery is "loaded on delivery vehicle", not a delivery. */
    @Test
    void typeDWithoutADeliveryDateIsOutForDelivery() {
        TrackingEvent event = UpsTrackAlertMapper.toTrackingEvent(recorded("trackalert-loaded-on-vehicle.json"));

        assertThat(event).isEqualTo(new TrackingEvent("ups:1ZA1B2C30390000017:20261127T121500:D-DP", "1ZA1B2C30390000017",
                Milestone.OUT_FOR_DELIVERY, "D/DP", "Loaded on Delivery Vehicle", "ATLANTA, GA, US",
                Instant.parse("2026-11-27T12:15:00Z"), null));
    }

    @Test
    void typeDWithADeliveryDateIsADeliveryWithWhoReceivedIt() {
        TrackingEvent event = UpsTrackAlertMapper.toTrackingEvent(recorded("trackalert-delivered-front-door.json"));

        Instant deliveredAt = Instant.parse("2026-11-27T19:30:12Z");
        assertThat(event.milestone()).isEqualTo(Milestone.DELIVERED);
        assertThat(event.occurredAt()).isEqualTo(deliveredAt);
        assertThat(event.proofOfDelivery()).isEqualTo(new ProofOfDelivery("PORCH", deliveredAt, "ATLANTA, GA, US", null));
    }

    @Test
    void aNewDeliveryDateKeepsTheMilestoneAndLocalTimeIsReadAtItsOffset() {
        TrackingEvent event = UpsTrackAlertMapper.toTrackingEvent(recorded("trackalert-delivery-date-updated.json"));

        assertThat(event.milestone()).as("UNKNOWN never moves a shipment's milestone").isEqualTo(Milestone.UNKNOWN);
        assertThat(event.carrierStatus()).isEqualTo("U/UD");
        assertThat(event.occurredAt()).as("09:30:00 at -05:00, its leading zero dropped").isEqualTo(Instant.parse("2026-11-26T14:30:00Z"));
        assertThat(event.eventId()).isEqualTo("ups:1ZA1B2C30390000017:20261126T93000:U-UD");
    }

    @Test
    void aBodyWithoutTrackingNumberStatusOrDateIsRefused() {
        assertThatThrownBy(() -> UpsTrackAlertMapper.toTrackingEvent(bytes("{\"activityStatus\":{\"type\":\"I\"}}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UpsTrackAlertMapper.toTrackingEvent(bytes("{\"trackingNumber\":\"1Z1\"}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UpsTrackAlertMapper.toTrackingEvent(
                bytes("{\"trackingNumber\":\"1Z1\",\"activityStatus\":{\"type\":\"I\"},\"gmtActivityDate\":\"20261399\"}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UpsTrackAlertMapper.toTrackingEvent(bytes("[1]"))).isInstanceOf(IllegalArgumentException.class);
    }

    /** UPS's two Track Alert examples (UPSTrackAlert.yaml), as carrier-specs gives them. */
    @Test
    void upsExamplesReadAsTheirCaveatSays() {
        TrackingEvent outForDelivery = UpsTrackAlertMapper.toTrackingEvent(WebhookVectors.file("ups/trackalert-out-for-delivery.json"));
        TrackingEvent delivered = UpsTrackAlertMapper.toTrackingEvent(WebhookVectors.file("ups/trackalert-delivered.json"));

        assertThat(outForDelivery.milestone()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
        assertThat(outForDelivery.occurredAt()).isEqualTo(Instant.parse("2024-04-23T13:15:19Z"));
        assertThat(delivered).isEqualTo(new TrackingEvent("ups:1Z204W4R0308071865:20240423T135004:D-FS", "1Z204W4R0308071865",
                Milestone.DELIVERED, "D/FS", "Delivered", "CHARLOTTE, NC, US", Instant.parse("2024-04-23T13:50:04Z"),
                new ProofOfDelivery("John", Instant.parse("2024-04-23T13:50:04Z"), "CHARLOTTE, NC, US", null)));
    }

    private static byte[] recorded(String name) {
        return TestResources.bytes("ups", "recorded/" + name);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
