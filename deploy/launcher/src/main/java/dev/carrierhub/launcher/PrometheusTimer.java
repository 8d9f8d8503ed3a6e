package dev.carrierhub.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * One Micrometer timer as a service exposes it at {@code /q/metrics} (Prometheus text): its cumulative
 * histogram buckets, count and max at the moment it was read. Two readings give what happened in between.
 */
record PrometheusTimer(NavigableMap<Double, Long> cumulativeBuckets, long count, double maxSeconds) {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Reads {@code name} (Prometheus form, e.g. {@code carrierhub_rating_overhead_seconds}) from {@code metrics}. */
    static PrometheusTimer read(URI metrics, String name) {
        String text;
        try {
            text = HTTP.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metrics, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return parse(text, name);
    }

    static PrometheusTimer parse(String text, String name) {
        // A bucket that holds a value recorded inside a trace carries an exemplar after its count: "# {trace_id=...} ...".
        String value = " (\\S+)( # .*)?$";
        Pattern bucket = Pattern.compile("^" + Pattern.quote(name) + "_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*}" + value);
        Pattern count = Pattern.compile("^" + Pattern.quote(name) + "_count(\\{[^}]*})?" + value);
        Pattern max = Pattern.compile("^" + Pattern.quote(name) + "_max(\\{[^}]*})?" + value);
        NavigableMap<Double, Long> buckets = new TreeMap<>();
        long total = 0;
        double maxSeconds = 0;
        for (String line : text.split("\n")) {
            Matcher m;
            if ((m = bucket.matcher(line)).matches()) {
                double le = m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
                buckets.put(le, (long) Double.parseDouble(m.group(2)));
            } else if ((m = count.matcher(line)).matches()) {
                total = (long) Double.parseDouble(m.group(2));
            } else if ((m = max.matcher(line)).matches()) {
                maxSeconds = Double.parseDouble(m.group(2));
            }
        }
        if (buckets.isEmpty()) {
            throw new IllegalStateException("no histogram buckets of " + name + " in the metrics");
        }
        return new PrometheusTimer(buckets, total, maxSeconds);
    }

    /**
     * The values recorded since {@code earlier}, in microseconds. A bucket only says a value was at most its
     * bound, so each value counts at its bucket's upper bound: the percentiles read are upper bounds too.
     * Values above the last finite bound count at the timer's max.
     */
    Histogram since(PrometheusTimer earlier) {
        Histogram histogram = new Histogram(3);
        long below = 0;
        for (Map.Entry<Double, Long> entry : cumulativeBuckets.entrySet()) {
            long cumulative = entry.getValue() - earlier.cumulativeBuckets.getOrDefault(entry.getKey(), 0L);
            long inBucket = cumulative - below;
            below = cumulative;
            if (inBucket > 0) {
                double bound = entry.getKey().isInfinite() ? maxSeconds : entry.getKey();
                histogram.recordValueWithCount(Math.round(bound * 1_000_000), inBucket);
            }
        }
        return histogram;
    }

    /** The share of values since {@code earlier} that were at most {@code boundSeconds}, a bucket bound. */
    double shareWithin(PrometheusTimer earlier, double boundSeconds) {
        // Bounds are read back from decimal text, so one written as 0.02 is matched within a nanosecond.
        Map.Entry<Double, Long> bucket = cumulativeBuckets.floorEntry(boundSeconds + 1e-9);
        if (bucket == null || Math.abs(bucket.getKey() - boundSeconds) > 1e-9) {
            throw new IllegalArgumentException(boundSeconds + " s is not a bucket bound of this timer; its bounds: "
                    + cumulativeBuckets.keySet());
        }
        long values = count - earlier.count;
        long within = bucket.getValue() - earlier.cumulativeBuckets.getOrDefault(bucket.getKey(), 0L);
        return values == 0 ? 1.0 : (double) within / values;
    }
}
