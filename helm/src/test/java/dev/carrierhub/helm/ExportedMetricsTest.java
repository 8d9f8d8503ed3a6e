package dev.carrierhub.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The source scan and the PromQL reader, on small inputs whose answers are known. */
class ExportedMetricsTest {

    @Test
    void namesFollowMicrometersPrometheusConvention() {
        ExportedMetrics.Scan scan = ExportedMetrics.scanSource("""
                class A {
                    static final String CALLS = "carrierhub.carrier.calls";
                    static final String LIMITED = "carrierhub.carrier.rate-limit.rejections";
                    static final String FULL = "carrierhub.carrier.bulkhead.rejections";
                    void a() {
                        meters.counter("carrierhub.label.bookings", "outcome", "booked").increment();
                        meters.timer("carrierhub.label.rated.to.labeled", "carrier", c).record(d);
                        Timer.builder(CALLS).publishPercentileHistogram().register(registry);
                        Gauge.builder("carrierhub.deadletters.pending", n, AtomicLong::get).register(meters);
                        DistributionSummary.builder("carrierhub.billing.variance.amount").register(meters);
                        String name = switch (reason) {
                            case RATE -> LIMITED;
                            case FULL_UP -> FULL;
                        };
                        Counter.builder(name).register(registry).increment();
                    }
                }""");

        assertThat(scan.unresolved()).isEmpty();
        assertThat(scan.prometheusNames()).containsExactlyInAnyOrder(
                "carrierhub_label_bookings_total",
                "carrierhub_label_rated_to_labeled_seconds_count", "carrierhub_label_rated_to_labeled_seconds_sum",
                "carrierhub_label_rated_to_labeled_seconds_max",
                "carrierhub_carrier_calls_seconds_count", "carrierhub_carrier_calls_seconds_sum",
                "carrierhub_carrier_calls_seconds_max", "carrierhub_carrier_calls_seconds_bucket",
                "carrierhub_deadletters_pending",
                "carrierhub_billing_variance_amount_count", "carrierhub_billing_variance_amount_sum",
                "carrierhub_billing_variance_amount_max",
                "carrierhub_carrier_rate_limit_rejections_total", "carrierhub_carrier_bulkhead_rejections_total");
    }

    @Test
    void aNameTheScanCannotReadIsReportedNotSkipped() {
        assertThat(ExportedMetrics.scanSource("class A { void a() { meters.counter(nameFromElsewhere()); } }").unresolved())
                .hasSize(1);
    }

    @Test
    void promQlYieldsOnlyTheMetricNames() {
        assertThat(PromQl.metricNames("""
                sum by (carrier) (rate(carrierhub_label_bookings_total{outcome="booked", x=~"a|b"}[$__rate_interval]))
                  / sum without (le) (rate(http_server_requests_seconds_count[5m] offset 1h)) > 0.95
                  or max(up) == bool 1e3 and histogram_quantile(0.99, x_bucket)"""))
                .containsExactlyInAnyOrder("carrierhub_label_bookings_total", "http_server_requests_seconds_count",
                        "up", "x_bucket");
    }
}
