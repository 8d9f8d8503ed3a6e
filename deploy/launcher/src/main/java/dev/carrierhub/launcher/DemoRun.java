package dev.carrierhub.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.odoo.recordings.OdooRecording;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sends the recorded Odoo 18 picking webhook through a running suite and follows the shipment to its
 * label, its delivered milestone, its expected cost and the write-backs planned for Odoo.
 */
public final class DemoRun {
    static final String PICKING_WEBHOOK = "webhook/picking-assigned-fields.json";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final LocalSuite suite;
    private final SuiteClient client = new SuiteClient();

    public DemoRun(LocalSuite suite) {
        this.suite = suite;
    }

    public Outcome run(Path labelDir) {
        long sent = System.nanoTime();
        SuiteClient.Reply accepted = client.postJson(suite.webhookUrl(),
                OdooRecording.load(PICKING_WEBHOOK).webhookBody());
        if (accepted.status() != 202) {
            throw new IllegalStateException("the webhook was refused: " + accepted.status() + " " + accepted.body());
        }
        String shipmentId = accepted.body().path("shipmentId").asText();

        JsonNode booking = client.awaitJson(url("label-service", "/shipments/" + shipmentId + "/booking"),
                b -> "BOOKED".equals(b.path("state").asText()), PATIENCE, "the label");
        Duration webhookToLabel = Duration.ofNanos(System.nanoTime() - sent);
        byte[] label = client.getBytes(URI.create(booking.path("labels").get(0).path("url").asText()));
        Path labelFile = save(labelDir.resolve("label-" + shipmentId + ".pdf"), label);

        JsonNode tracking = client.awaitJson(url("tracking-service", "/shipments/" + shipmentId + "/tracking"),
                t -> "DELIVERED".equals(t.path("milestone").asText()), PATIENCE, "the delivered milestone");
        JsonNode cost = client.awaitJson(url("billing-reconciler", "/shipments/" + shipmentId + "/expected-cost"),
                c -> true, PATIENCE, "the expected cost");
        JsonNode intake = client.awaitJson(url("order-intake", "/shipments/" + shipmentId),
                s -> "DELIVERED".equals(s.path("milestone").asText()), PATIENCE, "the write-backs");
        return new Outcome(shipmentId, booking, label.length, labelFile, tracking, cost, intake, webhookToLabel,
                servicesInTraceOf(shipmentId));
    }

    /** The services whose spans share a trace with this shipment's webhook. */
    public Set<String> servicesInTraceOf(String shipmentId) {
        Set<String> traceIds = new TreeSet<>();
        suite.traces().spans().stream()
                .filter(s -> s.service().equals("order-intake") && s.name().contains("/webhooks/odoo"))
                .forEach(s -> traceIds.add(s.traceId()));
        Set<String> services = new TreeSet<>();
        suite.traces().spans().stream().filter(s -> traceIds.contains(s.traceId()))
                .forEach(s -> services.add(s.service()));
        return services;
    }

    private java.net.URI url(String service, String path) {
        return suite.service(service).baseUri().resolve(path);
    }

    private static Path save(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What became of the demo shipment. */
    public record Outcome(String shipmentId, JsonNode booking, int labelBytes, Path labelFile, JsonNode tracking,
            JsonNode expectedCost, JsonNode intake, Duration webhookToLabel, Set<String> tracedServices) {
    }
}
