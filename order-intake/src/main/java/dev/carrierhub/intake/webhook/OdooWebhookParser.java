package dev.carrierhub.intake.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.core.problem.UnprocessableContent;
import jakarta.ws.rs.core.Response.Status;
import java.util.Set;

/** Reads Odoo's webhook body and refuses, with a clear problem, anything order-intake cannot act on. */
public final class OdooWebhookParser {
    /** The models a tenant's automation rules may send; sale.order joins when the sale flow is built. */
    public static final Set<String> SUPPORTED_MODELS = Set.of("stock.picking");

    private final ObjectMapper mapper;

    public OdooWebhookParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public OdooWebhook parse(String body) {
        JsonNode root = readJson(body);
        if (!root.isObject()) {
            throw invalid("malformed-webhook", "The webhook body must be a JSON object.");
        }
        JsonNode model = root.get("_model");
        if (model == null || !model.isTextual()) {
            throw invalid("malformed-webhook", "The webhook has no \"_model\".");
        }
        if (!SUPPORTED_MODELS.contains(model.asText())) {
            throw new ProblemException(UnprocessableContent.STATUS, "unsupported-model",
                    "Webhooks for model \"" + model.asText() + "\" are not handled; supported: " + SUPPORTED_MODELS + ".");
        }
        JsonNode id = root.get("_id");
        if (id == null || !id.canConvertToLong() || !id.isIntegralNumber() || id.asLong() <= 0) {
            throw invalid("malformed-webhook", "The webhook has no positive integer \"_id\".");
        }
        JsonNode action = root.get("_action");
        return new OdooWebhook(model.asText(), id.asLong(), action == null ? null : action.asText(), root);
    }

    private JsonNode readJson(String body) {
        if (body == null || body.isBlank()) {
            throw invalid("malformed-webhook", "The webhook body is empty.");
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid("malformed-json", "The webhook body is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
        }
    }

    private static ProblemException invalid(String slug, String detail) {
        return new ProblemException(Status.BAD_REQUEST, slug, detail);
    }
}
