package dev.carrierhub.launcher;

import com.fasterxml.jackson.databind.JsonNode;

/** Renders what the demo shipment went through and where each service can be reached. */
public final class SuiteReport {
    private final LocalSuite suite;
    private final DemoRun.Outcome outcome;

    public SuiteReport(LocalSuite suite, DemoRun.Outcome outcome) {
        this.suite = suite;
        this.outcome = outcome;
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("Demo Odoo picking WH/OUT/00011 -> shipment ").append(outcome.shipmentId()).append('\n');
        out.append(String.format("  label     : %s %s, tracking %s, price %s %s (%d-byte PDF in %s), %d ms after the webhook%n",
                outcome.booking().path("carrier").asText(), outcome.booking().path("serviceCode").asText(),
                outcome.booking().path("trackingNumber").asText(), outcome.booking().path("price").path("amount").asText(),
                outcome.booking().path("price").path("currency").asText(), outcome.labelBytes(), outcome.labelFile(),
                outcome.webhookToLabel().toMillis()));
        out.append(String.format("  tracking  : %s (%d events)%n", outcome.tracking().path("milestone").asText(),
                outcome.tracking().path("events").size()));
        JsonNode cost = outcome.expectedCost();
        out.append(String.format("  billing   : expected cost %s %s booked, %s %s quoted, for %s%n",
                cost.path("bookedPrice").path("amount").asText(), cost.path("bookedPrice").path("currency").asText(),
                cost.path("quotedPrice").path("amount").asText(), cost.path("quotedPrice").path("currency").asText(),
                cost.path("trackingNumber").asText()));
        out.append(String.format("  odoo      : %d write-backs planned for picking %s (status %s)%n",
                outcome.intake().path("writeBacks").size(), outcome.intake().path("pickingId").asText(),
                outcome.intake().path("status").asText()));
        out.append("  trace     : one trace through ").append(outcome.tracedServices()).append("\n\n");
        out.append("Odoo webhook URL for tenant '").append(LocalSuite.TENANT).append("': ").append(suite.webhookUrl())
                .append("\n\n");
        suite.services().forEach((name, process) -> out.append(String.format(
                "  %-19s %s  swagger %s/q/swagger-ui  health %s/q/health  metrics %s/q/metrics  (ready in %.1f s, %d MB RSS)%n",
                name, process.baseUri(), process.baseUri(), process.baseUri(), process.baseUri(),
                process.timeToReady().toMillis() / 1000.0, process.residentKilobytes() / 1024)));
        out.append(String.format("  %-19s %s  (admin: /admin/behaviour, /admin/stats)%n", "sandbox carrier",
                suite.sandbox().baseUri()));
        out.append(String.format("  %-19s %s%n", "kafka", suite.stack().bootstrapServers()));
        out.append(String.format("  %-19s %s%n", "recorded odoo", suite.odoo().url()));
        out.append("  logs: ").append(suite.service("order-intake").logFile().getParent()).append('\n');
        return out.toString();
    }
}
