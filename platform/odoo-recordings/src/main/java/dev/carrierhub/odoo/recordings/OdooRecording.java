package dev.carrierhub.odoo.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** One recording file made against a real Odoo 18 server (see the module README for the format). */
public final class OdooRecording {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonNode root;

    private OdooRecording(JsonNode root) {
        this.root = root;
    }

    /** Loads e.g. {@code webhook/picking-assigned-fields.json} or {@code rpc/enrich-picking.json}. */
    public static OdooRecording load(String name) {
        String resource = "/odoo-recordings/" + name;
        try (InputStream in = OdooRecording.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no recording " + name);
            }
            return new OdooRecording(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recording " + name, e);
        }
    }

    /** The webhook body exactly as Odoo sent it. */
    public String webhookBody() {
        JsonNode webhook = root.path("webhook");
        if (webhook.isMissingNode()) {
            throw new IllegalStateException("this recording holds no webhook");
        }
        return webhook.path("body_raw").asText();
    }

    /** The recorded JSON-RPC exchanges, in order. */
    public List<Exchange> exchanges() {
        return exchanges(root.path("steps"));
    }

    /** For a webhook recording: the calls that created its automation rule and read it back, in order. */
    public List<Exchange> ruleExchanges() {
        return exchanges(root.path("rule"));
    }

    private static List<Exchange> exchanges(JsonNode steps) {
        List<Exchange> exchanges = new ArrayList<>();
        for (JsonNode step : steps) {
            exchanges.add(new Exchange(step.path("step").asText(), step.path("request"), step.path("response")));
        }
        return exchanges;
    }

    /** A request Odoo received and what it answered. */
    public record Exchange(String step, JsonNode request, JsonNode response) {
        /** The model of an {@code execute_kw} call, or null for any other call. */
        public String model() {
            JsonNode args = request.path("params").path("args");
            return "execute_kw".equals(request.path("params").path("method").asText()) ? args.path(3).asText(null) : null;
        }

        public String method() {
            return request.path("params").path("args").path(4).asText(null);
        }

        /** The positional arguments of the call, e.g. {@code [[11]]} for a read of id 11. */
        public JsonNode positionalArgs() {
            return request.path("params").path("args").path(5);
        }
    }
}
