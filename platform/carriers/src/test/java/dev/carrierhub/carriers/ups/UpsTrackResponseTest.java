package dev.carrierhub.carriers.ups;

import static dev.carrierhub.carriers.ups.UpsFixtures.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.CarrierMessage;
import dev.carrierhub.carriers.CarrierMessage.Severity;
import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Track API answer → milestone and events, including the type-D trap. */
class UpsTrackResponseTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private final UpsResponseMapper pdf = new UpsResponseMapper(UpsLabelFormat.PDF, CLOCK);

    @Test
    void eventsAreOldestFirstAndOnlyTheProvenDeliveryIsDelivered() {
        TrackingResult result = pdf.toTrackingResult("1ZA1B2C30390000017", reply(200, "track-200-delivered.json"));

        assertThat(result.trackingNumber()).isEqualTo("1ZA1B2C30390000017");
        assertThat(result.milestone()).isEqualTo(Milestone.DELIVERED);
        assertThat(result.events()).extracting(TrackingEvent::carrierStatus, TrackingEvent::milestone).containsExactly(
                tuple("M/MP", Milestone.PRE_TRANSIT),
                tuple("P/OR", Milestone.IN_TRANSIT),
                tuple("U/UD", Milestone.IN_TRANSIT),
                tuple("I/AR", Milestone.IN_TRANSIT),
                tuple("D/DP", Milestone.OUT_FOR_DELIVERY),
                tuple("I/OT", Milestone.OUT_FOR_DELIVERY),
                tuple("D/KB", Milestone.DELIVERED));
        assertThat(result.messages()).isEmpty();
    }

    @Test
    void theDeliveryCarriesProofOfDeliveryAndTimesAreUtc() {
        TrackingResult result = pdf.toTrackingResult("1ZA1B2C30390000017", reply(200, "track-200-delivered.json"));

        TrackingEvent delivered = result.events().get(6);
        assertThat(delivered.occurredAt()).isEqualTo(Instant.parse("2026-11-27T19:30:12Z"));
        assertThat(delivered.location()).isEqualTo("Alpharetta, GA, US");
        assertThat(delivered.description()).isEqualTo("DELIVERED");
        assertThat(delivered.eventId()).isEqualTo("ups:1ZA1B2C30390000017:20261127T193012:D-KB");
        assertThat(delivered.proofOfDelivery()).isEqualTo(
                new ProofOfDelivery("DOE", Instant.parse("2026-11-27T19:30:12Z"), "Front Door", null));
        // UPS drops the leading zero of gmtTime 03:50:00, and the local date is the day before.
        assertThat(result.events().get(3).occurredAt()).isEqualTo(Instant.parse("2026-11-27T03:50:00Z"));
        assertThat(result.events().get(0).location()).isEqualTo("US");
        assertThat(result.events()).filteredOn(e -> e.milestone() != Milestone.DELIVERED)
                .allSatisfy(e -> assertThat(e.proofOfDelivery()).isNull());
    }

    @Test
    void typeDWithoutProofOfDeliveryIsOutForDeliveryNotDelivered() {
        TrackingResult result = pdf.toTrackingResult("1ZA1B2C30390000026",
                reply(200, "track-200-loaded-on-vehicle.json"));

        assertThat(result.milestone()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
        assertThat(result.events()).extracting(TrackingEvent::carrierStatus, TrackingEvent::milestone).containsExactly(
                tuple("M/MP", Milestone.PRE_TRANSIT),
                tuple("I/AR", Milestone.IN_TRANSIT),
                tuple("Q/QQ", Milestone.UNKNOWN),
                tuple("X/WE", Milestone.EXCEPTION),
                tuple("U/UD", Milestone.EXCEPTION),
                tuple("D/DP", Milestone.OUT_FOR_DELIVERY));
        assertThat(result.events()).allSatisfy(e -> assertThat(e.proofOfDelivery()).isNull());
    }

    @Test
    void localTimesUseTheirOffsetAndAnUnknownStatusIsReported() {
        TrackingResult result = pdf.toTrackingResult("1ZA1B2C30390000026",
                reply(200, "track-200-loaded-on-vehicle.json"));

        assertThat(result.events().get(5).occurredAt()).isEqualTo(Instant.parse("2026-11-28T11:45:00Z"));
        assertThat(result.events().get(2).occurredAt()).isEqualTo(Instant.parse("2026-11-27T09:00:00Z"));
        assertThat(result.messages()).extracting(CarrierMessage::code, CarrierMessage::severity)
                .containsExactly(tuple("unmapped_status", Severity.INFO));
    }

    @Test
    void aNumberUpsDoesNotKnowYetIsUnknownWithUpsWordsNotAFailure() {
        TrackingResult notFound = pdf.toTrackingResult("1ZA1B2C30390000099", reply(404, "track-404.json"));
        TrackingResult noPackage = pdf.toTrackingResult("1ZA1B2C30390000099", reply(200, "track-200-no-package.json"));

        assertThat(List.of(notFound, noPackage)).allSatisfy(result -> {
            assertThat(result.trackingNumber()).isEqualTo("1ZA1B2C30390000099");
            assertThat(result.milestone()).isEqualTo(Milestone.UNKNOWN);
            assertThat(result.events()).isEmpty();
        });
        assertThat(notFound.messages()).extracting(CarrierMessage::code, CarrierMessage::text)
                .containsExactly(tuple("TV1002", "Tracking number not found"));
        assertThat(noPackage.messages()).extracting(CarrierMessage::code, CarrierMessage::text)
                .containsExactly(tuple("TW0001", "Tracking Information Not Found"));
    }

    @Test
    void aServerErrorWhileTrackingIsTransient() {
        assertThatThrownBy(() -> pdf.toTrackingResult("1ZA1B2C30390000017", reply(500, "error-500.json")))
                .isInstanceOfSatisfying(CarrierException.class,
                        e -> assertThat(e.kind()).isEqualTo(CarrierErrorKind.TRANSIENT));
    }
}
