package dev.carrierhub.tracking.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.events.Milestone;
import org.junit.jupiter.api.Test;

class ExceptionReasonsTest {

    @Test
    void anExceptionIsRefinedByTheCarriersWords() {
        assertThat(ExceptionReasons.of(Milestone.EXCEPTION, "failure", "Shipment held in customs: documents required"))
                .isEqualTo("exception.customs-hold");
        assertThat(ExceptionReasons.of(Milestone.EXCEPTION, "X", "Package damaged in transit"))
                .isEqualTo("exception.damaged");
        assertThat(ExceptionReasons.of(Milestone.EXCEPTION, "INCORRECT_ADDRESS", null))
                .isEqualTo("address.undeliverable");
        assertThat(ExceptionReasons.of(Milestone.EXCEPTION, "failure", "The recipient refused the delivery"))
                .isEqualTo("exception.refused");
        assertThat(ExceptionReasons.of(Milestone.EXCEPTION, "EX", "Package cannot be located"))
                .isEqualTo("exception.lost");
        assertThat(ExceptionReasons.of(Milestone.EXCEPTION, "EX", "Delayed by severe weather"))
                .isEqualTo("exception.weather-delay");
    }

    @Test
    void anExceptionWithoutRecognisedWordsStaysPlain() {
        assertThat(ExceptionReasons.of(Milestone.EXCEPTION, "failure", null)).isEqualTo("exception");
        assertThat(ExceptionReasons.of(Milestone.EXCEPTION, null, "Something happened")).isEqualTo("exception");
    }

    @Test
    void otherExceptionMilestonesKeepTheirOwnReason() {
        assertThat(ExceptionReasons.of(Milestone.DELIVERY_ATTEMPTED, "attempted", "Customs office closed"))
                .isEqualTo("delivery_attempted");
        assertThat(ExceptionReasons.of(Milestone.RETURNED_TO_SENDER, "return_to_sender", "address unknown"))
                .isEqualTo("returned_to_sender");
    }

    @Test
    void theFirstMatchingRuleWinsSoACustomsHoldIsNotAnAddressProblem() {
        assertThat(ExceptionReasons.of(Milestone.EXCEPTION, "customs", "Customs: importer address missing"))
                .isEqualTo("exception.customs-hold");
    }
}
