package dev.carrierhub.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrometheusSamplesTest {
    private static final String PAGE = """
            # HELP carrierhub_label_attempts_total
            # TYPE carrierhub_label_attempts_total counter
            carrierhub_label_attempts_total{carrier="sandbox",outcome="booked"} 120.0
            carrierhub_label_attempts_total{carrier="sandbox",outcome="transient"} 3.0
            carrierhub_label_attempts_total{carrier="backup",outcome="booked"} 5.0
            # TYPE carrierhub_carrier_calls_seconds summary
            carrierhub_carrier_calls_seconds_count{account="sandbox",carrier="sandbox",operation="ship",outcome="success"} 120
            carrierhub_carrier_calls_seconds_sum{account="sandbox",carrier="sandbox",operation="ship",outcome="success"} 6.3 # {span_id="6b1b6d4c1f0e2a3b",trace_id="0af7651916cd43dd8448eb211c80319c"} 0.05 1795734710.397
            carrierhub_carrier_calls_seconds_max{account="sandbox",carrier="sandbox",operation="ship",outcome="success"} 0.081
            process_uptime_seconds 12.5
            """;

    @Test
    void sumsTheSamplesWhoseLabelsIncludeTheOnesAskedFor() {
        PrometheusSamples samples = PrometheusSamples.parse(PAGE);

        assertThat(samples.sum("carrierhub_label_attempts_total")).isEqualTo(128.0);
        assertThat(samples.sum("carrierhub_label_attempts_total", "carrier=sandbox")).isEqualTo(123.0);
        assertThat(samples.sum("carrierhub_label_attempts_total", "carrier=sandbox", "outcome=booked")).isEqualTo(120.0);
        assertThat(samples.sum("carrierhub_label_attempts_total", "outcome=deferred")).isZero();
        assertThat(samples.sum("process_uptime_seconds")).isEqualTo(12.5);
    }

    @Test
    void readsATimersCountSumAndMaxWithAnExemplarAfterTheValue() {
        PrometheusSamples samples = PrometheusSamples.parse(PAGE);

        assertThat(samples.sum("carrierhub_carrier_calls_seconds_count", "operation=ship")).isEqualTo(120);
        assertThat(samples.sum("carrierhub_carrier_calls_seconds_sum", "operation=ship")).isEqualTo(6.3);
        assertThat(samples.max("carrierhub_carrier_calls_seconds_max", "operation=ship")).isEqualTo(0.081);
    }

    @Test
    void twoReadingsGiveWhatACounterDidInBetween() {
        PrometheusSamples before = PrometheusSamples.parse("carrierhub_label_deferrals_total{carrier=\"sandbox\"} 2.0\n");
        PrometheusSamples after = PrometheusSamples.parse("carrierhub_label_deferrals_total{carrier=\"sandbox\"} 7.0\n");

        assertThat(after.since(before, "carrierhub_label_deferrals_total", "carrier=sandbox")).isEqualTo(5.0);
    }

    @Test
    void aLabelMustBeKeyEqualsValue() {
        assertThatThrownBy(() -> PrometheusSamples.parse(PAGE).sum("carrierhub_label_attempts_total", "sandbox"))
                .hasMessageContaining("key=value");
    }
}
