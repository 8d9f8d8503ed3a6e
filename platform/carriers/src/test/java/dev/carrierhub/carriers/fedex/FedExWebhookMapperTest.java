package dev.carrierhub.carriers.fedex;

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

class FedExWebhookMapperTest {

    @Test
    void aDeliveryIsTheLatestStatusWithWhoSignedAndWhere() {
        TrackingEvent event = FedExWebhookMapper.toTrackingEvent(recorded("webhook-delivered.json"));

        Instant deliveredAt = Instant.parse("2026-11-27T20:31:00Z");
        assertThat(event).isEqualTo(new TrackingEvent(null, "794843185271", Milestone.DELIVERED, "DL", "Delivered",
                "MEMPHIS, TN, US", deliveredAt, new ProofOfDelivery("J.SMITH", deliveredAt, "MEMPHIS, TN, US", null)));
    }

    @Test
    void withoutALatestStatusTheNewestScanDecidesWhateverTheOrder() {
        TrackingEvent event = FedExWebhookMapper.toTrackingEvent(recorded("webhook-in-transit.json"));

        assertThat(event).isEqualTo(new TrackingEvent(null, "794843185271", Milestone.IN_TRANSIT, "IT",
                "Arrived at FedEx location", "MEMPHIS, TN, US", Instant.parse("2026-11-26T09:15:00Z"), null));
    }

    @Test
    void aPayloadAboutSeveralTrackingNumbersIsRefusedNotHalfRead() {
        assertThatThrownBy(() -> FedExWebhookMapper.toTrackingEvent(recorded("webhook-two-numbers.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 tracking numbers");
    }

    @Test
    void aTrackResultThatIsAnErrorOrNoPayloadAtAllIsRefused() {
        assertThatThrownBy(() -> FedExWebhookMapper.toTrackingEvent(recorded("webhook-not-found.json")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FedExWebhookMapper.toTrackingEvent("{\"output\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FedExWebhookMapper.toTrackingEvent("<xml/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The payload of carrier-specs' FedEx signature vector: a tracking number and nothing else to read. */
    @Test
    void theSharedVectorsBodyHasNoEventToRead() {
        byte[] body = WebhookVectors.utf8(WebhookVectors.of("fedex"), "body");

        assertThatThrownBy(() -> FedExWebhookMapper.toTrackingEvent(body)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] recorded(String name) {
        return TestResources.bytes("fedex", "recorded/" + name);
    }
}
