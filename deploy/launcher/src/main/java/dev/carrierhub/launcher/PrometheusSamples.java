package dev.carrierhub.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every sample a service exposes at {@code /q/metrics} (Prometheus text) at one moment: counters, gauges and
 * the count, sum and max of timers. Two readings give what a counter or a timer's count and sum did in between.
 */
record PrometheusSamples(List<Sample> samples) {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // name{labels} value, optionally followed by an exemplar ("# {trace_id=...} ...").
    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)( # .*)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One line of the page: a name, its labels and its value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    static PrometheusSamples read(URI metrics) {
        try {
            return parse(HTTP.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metrics, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static PrometheusSamples parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            if (m.group(3) != null) {
                Matcher label = LABEL.matcher(m.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(m.group(1), Map.copyOf(labels), parseValue(m.group(4))));
        }
        return new PrometheusSamples(List.copyOf(samples));
    }

    /**
     * The sum of the samples named {@code name} whose labels include {@code labels}, given as
     * {@code "key=value"}; 0 when there is none (a counter not incremented yet is not on the page).
     */
    double sum(String name, String... labels) {
        return matching(name, labels).mapToDouble(Sample::value).sum();
    }

    /** The largest of the samples named {@code name} with these labels, or 0. */
    double max(String name, String... labels) {
        return matching(name, labels).mapToDouble(Sample::value).max().orElse(0);
    }

    /** What {@link #sum} grew by since {@code earlier}. */
    double since(PrometheusSamples earlier, String name, String... labels) {
        return sum(name, labels) - earlier.sum(name, labels);
    }

    private java.util.stream.Stream<Sample> matching(String name, String... labels) {
        Map<String, String> wanted = new HashMap<>();
        for (String label : labels) {
            int eq = label.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("a label is key=value, was " + label);
            }
            wanted.put(label.substring(0, eq), label.substring(eq + 1));
        }
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(wanted.entrySet()));
    }

    private static double parseValue(String value) {
        return switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(value);
        };
    }
}
