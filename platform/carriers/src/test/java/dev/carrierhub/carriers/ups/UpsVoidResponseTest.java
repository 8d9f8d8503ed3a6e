package dev.carrierhub.carriers.ups;

import static dev.carrierhub.carriers.ups.UpsFixtures.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.CarrierMessage;
import dev.carrierhub.carriers.CarrierMessage.Severity;
import dev.carrierhub.carriers.VoidResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Void API answer → the void, including UPS's ways of saying "already voided". */
class UpsVoidResponseTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private final UpsResponseMapper pdf = new UpsResponseMapper(UpsLabelFormat.PDF, CLOCK);

    @Test
    void aVoidedShipmentIsAFirstVoid() {
        VoidResult result = pdf.toVoidResult("1ZA1B2C30390000017", reply(200, "void-200.json"));

        assertThat(result).isEqualTo(new VoidResult("1ZA1B2C30390000017", false, List.of()));
    }

    @Test
    void upsSayingAlreadyVoidedIsARepeatedVoidWhetherAsStatusOrAsError() {
        assertThat(pdf.toVoidResult("1ZA1B2C30390000017", reply(200, "void-200-already.json")).alreadyVoided())
                .isTrue();

        VoidResult fromError = pdf.toVoidResult("1ZA1B2C30390000017", reply(400, "void-400-already-voided.json"));
        assertThat(fromError.alreadyVoided()).isTrue();
        assertThat(fromError.messages()).extracting(CarrierMessage::code, CarrierMessage::severity)
                .containsExactly(tuple("190117", Severity.INFO));
    }

    @Test
    void aShipmentThatCannotBeVoidedAnyMoreIsInvalidRequest() {
        assertThatThrownBy(() -> pdf.toVoidResult("1ZA1B2C30390000017", reply(400, "void-400-picked-up.json")))
                .isInstanceOfSatisfying(CarrierException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
                    assertThat(e.carrierMessage()).contains("No shipment found within the allowed void period");
                });
    }
}
