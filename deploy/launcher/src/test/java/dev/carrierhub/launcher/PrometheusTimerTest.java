package dev.carrierhub.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PrometheusTimerTest {
    private static final String NAME = "carrierhub_rating_overhead_seconds";

    @Test
    void theValuesBetweenTwoReadingsCountAtTheirBucketsUpperBounds() {
        PrometheusTimer before = PrometheusTimer.parse(metrics(1, 1, 1, 1, 0.004), NAME);
        PrometheusTimer after = PrometheusTimer.parse(metrics(91, 98, 100, 101, 0.250), NAME);

        Histogram micros = after.since(before);

        assertThat(micros.getTotalCount()).isEqualTo(100);
        assertThat(micros.getValueAtPercentile(50)).isEqualTo(micros.highestEquivalentValue(5_000));
        assertThat(micros.getValueAtPercentile(95)).isEqualTo(micros.highestEquivalentValue(10_000));
        assertThat(micros.getValueAtPercentile(99)).isEqualTo(micros.highestEquivalentValue(20_000));
        assertThat(micros.getMaxValue()).isEqualTo(micros.highestEquivalentValue(250_000));
    }

    @Test
    void theShareWithinABoundIsExactAtThatBound() {
        PrometheusTimer before = PrometheusTimer.parse(metrics(1, 1, 1, 1, 0.004), NAME);
        PrometheusTimer after = PrometheusTimer.parse(metrics(91, 98, 100, 101, 0.250), NAME);

        assertThat(after.shareWithin(before, 0.020)).isEqualTo(0.99);
        assertThatThrownBy(() -> after.shareWithin(before, 0.015)).hasMessageContaining("not a bucket bound");
    }

    @Test
    void aMetricsPageWithoutTheTimerIsAnError() {
        assertThatThrownBy(() -> PrometheusTimer.parse("other_metric 1.0\n", NAME)).hasMessageContaining(NAME);
    }

    /** Cumulative counts at 5 ms, 10 ms, 20 ms and +Inf, as Micrometer's Prometheus registry writes them. */
    private static String metrics(long le5, long le10, long le20, long all, double max) {
        return """
                # TYPE carrierhub_rating_overhead_seconds histogram
                carrierhub_rating_overhead_seconds_bucket{le="0.005"} %d
                carrierhub_rating_overhead_seconds_bucket{le="0.01"} %d # {span_id="6b1b6d4c1f0e2a3b",trace_id="0af7651916cd43dd8448eb211c80319c"} 0.0071 1795734710.397
                carrierhub_rating_overhead_seconds_bucket{le="0.02"} %d
                carrierhub_rating_overhead_seconds_bucket{le="+Inf"} %d
                carrierhub_rating_overhead_seconds_count %d
                carrierhub_rating_overhead_seconds_sum 0.5
                carrierhub_rating_overhead_seconds_max %s
                """.formatted(le5, le10, le20, all, all, max);
    }
}
