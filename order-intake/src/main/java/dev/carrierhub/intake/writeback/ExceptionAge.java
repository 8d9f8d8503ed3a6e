package dev.carrierhub.intake.writeback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How old an exception is when its activity reaches the owner in Odoo: from when the problem was raised
 * (the activity's {@code raised_at}) to the write that scheduled it. The business KPI "exception age" of the
 * dashboard and the alerts; Carrier Hub cannot see when a person closes the activity, only when they got it.
 */
@ApplicationScoped
public class ExceptionAge {
    static final String NAME = "carrierhub.intake.exception.age";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MeterRegistry meters;

    public ExceptionAge(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Records the age of an exception or finance activity just written; other write-backs are not exceptions. */
    void activityWritten(Claim claim, Instant writtenAt) {
        boolean activity = WriteBackKind.EXCEPTION_ACTIVITY.code().equals(claim.kind())
                || WriteBackKind.FINANCE_ACTIVITY.code().equals(claim.kind());
        if (activity) {
            Instant raisedAt = raisedAt(claim.payload()).orElse(claim.plannedAt());
            meters.timer(NAME, "kind", claim.kind()).record(Duration.between(raisedAt, writtenAt).abs());
        }
    }

    static Optional<Instant> raisedAt(String payload) {
        try {
            JsonNode raised = JSON.readTree(payload).path("raised_at");
            return raised.isTextual() ? Optional.of(Instant.parse(raised.asText())) : Optional.empty();
        } catch (Exception e) {
            // A payload this service wrote always parses; an odd one is only not measured.
            return Optional.empty();
        }
    }
}
