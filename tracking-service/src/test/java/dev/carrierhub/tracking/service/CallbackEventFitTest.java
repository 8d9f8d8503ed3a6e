package dev.carrierhub.tracking.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A carrier's event is cut to the columns it is stored in, rather than failing a callback the carrier would resend. */
class CallbackEventFitTest {
    private static final Instant AT = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void anEventThatFitsIsUnchanged() {
        TrackingEvent event = new TrackingEvent("e1", "1Z999", Milestone.DELIVERED, "D/FS", "Delivered", "ATLANTA, GA, US", AT,
                new ProofOfDelivery("PORCH", AT, "ATLANTA, GA, US", "https://photos.example/1"));

        assertThat(CallbackService.fitted(event)).isEqualTo(event);
    }

    @Test
    void longCarrierTextIsCutToItsColumn() {
        TrackingEvent event = new TrackingEvent("e1", "1Z999", Milestone.DELIVERED, "s".repeat(150), "d".repeat(5000),
                "l".repeat(400), AT, new ProofOfDelivery("n".repeat(250), AT, "p".repeat(400), "https://x/" + "u".repeat(1000)));

        TrackingEvent fitted = CallbackService.fitted(event);

        assertThat(fitted.carrierStatus()).hasSize(100);
        assertThat(fitted.description()).as("a text column").hasSize(5000);
        assertThat(fitted.location()).hasSize(300);
        assertThat(fitted.proofOfDelivery().signedBy()).hasSize(200);
        assertThat(fitted.proofOfDelivery().location()).hasSize(300);
        assertThat(fitted.proofOfDelivery().photoUrl()).as("a cut link leads nowhere").isNull();
    }

    @Test
    void aTrackingNumberThatCannotBeOneIsUnreadable() {
        assertThatThrownBy(() -> CallbackService.fitted(new TrackingEvent(null, "9".repeat(101), Milestone.UNKNOWN, null, null,
                null, AT, null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallbackService.fitted(new TrackingEvent(null, " ", Milestone.UNKNOWN, null, null, null, AT,
                null))).isInstanceOf(IllegalArgumentException.class);
    }
}
