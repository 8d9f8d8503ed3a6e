package dev.carrierhub.intake.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExceptionAgeTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ExceptionAge age = new ExceptionAge(meters);
    private final Instant written = Instant.parse("2026-03-02T10:30:00Z");

    @Test
    void anExceptionActivityIsAsOldAsItsRaisedAt() {
        age.activityWritten(claim("exception-activity", "{\"raised_at\":\"2026-03-02T10:00:00Z\"}"), written);

        Timer timer = meters.find(ExceptionAge.NAME).tag("kind", "exception-activity").timer();
        assertThat(timer).isNotNull();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MINUTES)).isEqualTo(30.0);
    }

    @Test
    void withoutRaisedAtTheAgeCountsFromPlanning() {
        age.activityWritten(claim("finance-activity", "{}"), written);

        assertThat(meters.find(ExceptionAge.NAME).tag("kind", "finance-activity").timer().totalTime(TimeUnit.MINUTES))
                .isEqualTo(5.0);
    }

    @Test
    void otherWriteBacksAreNotExceptions() {
        age.activityWritten(claim("tracking-note", "{\"raised_at\":\"2026-03-02T10:00:00Z\"}"), written);

        assertThat(meters.find(ExceptionAge.NAME).timer()).isNull();
    }

    private Claim claim(String kind, String payload) {
        return new Claim(UUID.randomUUID(), 1, "key", "shp_1", "acme", 7L, kind, "stock.picking", "activity_schedule",
                payload, written.minusSeconds(300), false, List.of(), null);
    }
}
