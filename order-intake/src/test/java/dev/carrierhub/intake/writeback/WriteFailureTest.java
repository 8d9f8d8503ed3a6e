package dev.carrierhub.intake.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.intake.client.LabelFetchException;
import dev.carrierhub.intake.client.TenantOdoo;
import dev.carrierhub.odoo.client.OdooCircuitOpenException;
import dev.carrierhub.odoo.client.OdooConcurrencyException;
import dev.carrierhub.odoo.client.OdooError;
import dev.carrierhub.odoo.client.OdooMissingRecordException;
import dev.carrierhub.odoo.client.OdooProtocolException;
import dev.carrierhub.odoo.client.OdooTimeoutException;
import dev.carrierhub.odoo.client.OdooTransientException;
import dev.carrierhub.odoo.client.OdooValidationException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class WriteFailureTest {
    private static final OdooError ERROR = new OdooError("stock.picking.write", "builtins.ValueError",
            "Invalid field 'x_label_url' on model 'stock.picking'", List.of(), "Traceback ...", 200);

    @Test
    void odooRefusingTheWriteFailsItAtOnceWithAKnownOutcome() {
        WriteFailure failure = WriteFailure.classify(new CompletionException(new OdooValidationException(ERROR)));
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.outcomeUnknown()).isFalse();
        assertThat(failure.storedMessage()).contains("Invalid field 'x_label_url'").contains("builtins.ValueError");

        assertThat(WriteFailure.classify(new OdooMissingRecordException(ERROR)).retryable()).isFalse();
    }

    @Test
    void anUnreachableOdooIsRetriedAndAnAnswerThatMayHaveLandedIsCheckedNextTime() {
        WriteFailure refused = WriteFailure.classify(new OdooTransientException(ERROR, false, null, null));
        assertThat(refused.retryable()).isTrue();
        assertThat(refused.outcomeUnknown()).isFalse();

        WriteFailure reset = WriteFailure.classify(new OdooTransientException(ERROR, true, null, null));
        assertThat(reset.retryable()).isTrue();
        assertThat(reset.outcomeUnknown()).isTrue();

        WriteFailure timeout = WriteFailure.classify(new OdooTimeoutException(ERROR, null));
        assertThat(timeout.retryable()).isTrue();
        assertThat(timeout.outcomeUnknown()).isTrue();
    }

    @Test
    void anOpenCircuitSentNothingAndTellsHowLongToWait() {
        WriteFailure open = WriteFailure.classify(new OdooCircuitOpenException(ERROR, Duration.ofSeconds(12)));
        assertThat(open.retryable()).isTrue();
        assertThat(open.outcomeUnknown()).isFalse();
        assertThat(open.retryAfter()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void aRolledBackCallIsRetriedAsNotApplied() {
        WriteFailure failure = WriteFailure.classify(new OdooConcurrencyException(ERROR));
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.outcomeUnknown()).isFalse();
    }

    @Test
    void anUnexpectedAnswerOrBugNeedsAPersonAndKeepsTheOutcomeUnknown() {
        WriteFailure protocol = WriteFailure.classify(new OdooProtocolException(ERROR));
        assertThat(protocol.retryable()).isFalse();
        assertThat(protocol.outcomeUnknown()).isTrue();

        WriteFailure bug = WriteFailure.classify(new NullPointerException("oops"));
        assertThat(bug.retryable()).isFalse();
        assertThat(bug.outcomeUnknown()).isTrue();
    }

    @Test
    void labelsAndConfigurationAreSortedByTheirOwnVerdict() {
        assertThat(WriteFailure.classify(new LabelFetchException("HTTP 503", true, null)).retryable()).isTrue();
        assertThat(WriteFailure.classify(new LabelFetchException("HTTP 404", false, null)).retryable()).isFalse();
        assertThat(WriteFailure.classify(new TenantOdoo.UnknownTenantException("gone")).retryable()).isFalse();
        assertThat(WriteFailure.classify(new WriteBackRejected("no summary")).retryable()).isFalse();
    }

    @Test
    void aTracebackLongMessageIsBounded() {
        WriteFailure failure = new WriteFailure(false, false, null, "x".repeat(10_000));
        assertThat(failure.storedMessage()).hasSizeLessThan(2100);
    }
}
