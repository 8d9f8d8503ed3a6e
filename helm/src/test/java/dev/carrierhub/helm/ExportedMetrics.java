package dev.carrierhub.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus names of the meters the services' code registers, read from the source: Micrometer's
 * naming (dots and dashes become underscores; counters end in _total; timers in _seconds_count, _sum, _max,
 * and _bucket when they publish a histogram; summaries the same without _seconds; gauges as they are).
 */
final class ExportedMetrics {
    /** Modules whose code runs inside the services. */
    static final List<String> MODULES = List.of("order-intake", "rate-shopping", "label-service", "tracking-service",
            "billing-reconciler", "platform/service-core", "platform/carriers", "platform/odoo-client");

    private static final String ARG = "\\(\\s*(\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_.]*)";
    private static final Map<Pattern, Kind> REGISTRATIONS = Map.of(
            Pattern.compile("(?:\\.counter|Counter\\.builder)" + ARG), Kind.COUNTER,
            Pattern.compile("(?:\\.timer|(?<![A-Za-z])Timer\\.builder)" + ARG), Kind.TIMER,
            Pattern.compile("(?:\\.gauge|Gauge\\.builder)" + ARG), Kind.GAUGE,
            Pattern.compile("(?:\\.summary|DistributionSummary\\.builder)" + ARG), Kind.SUMMARY);
    private static final Pattern CONSTANT = Pattern.compile("static\\s+final\\s+String\\s+([A-Z0-9_]+)\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONSTANT_USE = Pattern.compile("\\b([A-Z][A-Z0-9_]+)\\b");

    enum Kind { COUNTER, TIMER, GAUGE, SUMMARY }

    /** One registration: the meter's name in the code, its kind, and whether it publishes a histogram. */
    record Meter(String name, Kind kind, boolean histogram) {
        List<String> prometheusNames() {
            String base = name.replaceAll("[^A-Za-z0-9_:]", "_");
            return switch (kind) {
                case COUNTER -> List.of(base.endsWith("_total") ? base : base + "_total");
                case GAUGE -> List.of(base);
                case TIMER -> series(base + "_seconds");
                case SUMMARY -> series(base);
            };
        }

        private List<String> series(String base) {
            List<String> names = new ArrayList<>(List.of(base + "_count", base + "_sum", base + "_max"));
            if (histogram) {
                names.add(base + "_bucket");
            }
            return names;
        }
    }

    /** What a scan found, and the registrations whose name it could not read. */
    record Scan(List<Meter> meters, List<String> unresolved) {
        Set<String> prometheusNames() {
            Set<String> names = new TreeSet<>();
            meters.forEach(m -> names.addAll(m.prometheusNames()));
            return names;
        }
    }

    private ExportedMetrics() {
    }

    static Scan scan(Path root) {
        List<Meter> meters = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (String module : MODULES) {
            Path sources = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                    Scan one = scanSource(read(file));
                    meters.addAll(one.meters());
                    one.unresolved().forEach(u -> unresolved.add(file + ": " + u));
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Scan(meters, unresolved);
    }

    /** The meters one source file registers. */
    static Scan scanSource(String source) {
        Map<String, String> constants = new HashMap<>();
        Matcher constant = CONSTANT.matcher(source);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        List<Meter> meters = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        REGISTRATIONS.forEach((pattern, kind) -> {
            Matcher call = pattern.matcher(source);
            while (call.find()) {
                String statement = source.substring(call.start(), statementEnd(source, call.end()));
                boolean histogram = statement.contains("publishPercentileHistogram(")
                        || statement.contains("serviceLevelObjectives(");
                List<String> names = names(call.group(1), source, constants);
                if (names.isEmpty()) {
                    unresolved.add(call.group());
                }
                names.forEach(name -> meters.add(new Meter(name, kind, histogram)));
            }
        });
        return new Scan(meters, unresolved);
    }

    /** A literal, a constant of the file, or a local variable assigned from constants (e.g. by a switch). */
    private static List<String> names(String argument, String source, Map<String, String> constants) {
        if (argument.startsWith("\"")) {
            return List.of(argument.substring(1, argument.length() - 1));
        }
        String simple = argument.substring(argument.lastIndexOf('.') + 1);
        if (constants.containsKey(simple)) {
            return List.of(constants.get(simple));
        }
        Matcher assignment = Pattern.compile("\\b" + Pattern.quote(simple) + "\\s*=\\s*").matcher(source);
        List<String> names = new ArrayList<>();
        if (assignment.find()) {
            String expression = source.substring(assignment.end(), statementEnd(source, assignment.end()));
            Matcher use = CONSTANT_USE.matcher(expression);
            while (use.find()) {
                if (constants.containsKey(use.group(1))) {
                    names.add(constants.get(use.group(1)));
                }
            }
        }
        return names;
    }

    /** The end of the statement starting at {@code from}: the first ';' outside braces opened after it. */
    private static int statementEnd(String source, int from) {
        int depth = 0;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ';' && depth <= 0) {
                return i;
            }
        }
        return source.length();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
