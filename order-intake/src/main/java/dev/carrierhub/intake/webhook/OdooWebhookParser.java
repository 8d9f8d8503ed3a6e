package dev.carrierhub.intake.webhook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.core.problem.UnprocessableContent;
import jakarta.ws.rs.core.Response.Status;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads Odoo's webhook body and refuses, with a clear problem, anything order-intake cannot act on or
 * store: whatever gets past it fits the {@code webhook_event} row. Odoo's body is
 * {@code json.dumps(vals, sort_keys=True)}: one ASCII JSON object with {@code _model}, {@code _id} and
 * {@code _action} first.
 */
public final class OdooWebhookParser {
    /** The {@code webhook_event.action} column's width. */
    static final int MAX_ACTION_LENGTH = 300;
    private static final int MAX_ECHO = 100;

    private final ObjectReader reader;

    public OdooWebhookParser(ObjectMapper mapper) {
        // Odoo never sends duplicate keys or anything after the object; a body that does is not Odoo's.
        this.reader = mapper.reader()
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The body as text: JSON is UTF-8 (Odoo's is even pure ASCII), anything else is refused. */
    public static String text(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid("malformed-json", "The webhook body is not UTF-8 text.");
        }
    }

    /**
     * @param models the Odoo models this tenant sends webhooks for
     * @throws ProblemException 400 for a body that is not an Odoo webhook, 422 for a model not configured
     */
    public OdooWebhook parse(String body, Set<String> models) {
        JsonNode root = readJson(body);
        if (!root.isObject()) {
            throw invalid("malformed-webhook", "The webhook body must be a JSON object.");
        }
        JsonNode model = root.get("_model");
        if (model == null || !model.isTextual()) {
            throw invalid("malformed-webhook", "The webhook has no \"_model\".");
        }
        if (!models.contains(model.asText())) {
            throw new ProblemException(UnprocessableContent.STATUS, "unsupported-model",
                    "Webhooks for model \"" + echo(model.asText()) + "\" are not handled for this tenant; supported: "
                            + new TreeSet<>(models) + ".");
        }
        JsonNode id = root.get("_id");
        if (id == null || !id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() <= 0) {
            throw invalid("malformed-webhook", "The webhook has no positive integer \"_id\".");
        }
        return new OdooWebhook(model.asText(), id.asLong(), action(root.get("_action")), root);
    }

    /** Odoo always sends a short action name, "Send Webhook Notification(#458)"; it is stored, so it must fit. */
    private static String action(JsonNode action) {
        if (action == null || action.isNull()) {
            return null;
        }
        if (!action.isTextual() || action.asText().length() > MAX_ACTION_LENGTH
                || action.asText().chars().anyMatch(Character::isISOControl)) {
            throw invalid("malformed-webhook", "The webhook's \"_action\" must be a name of at most "
                    + MAX_ACTION_LENGTH + " characters.");
        }
        return action.asText();
    }

    private JsonNode readJson(String body) {
        if (body == null || body.isBlank()) {
            throw invalid("malformed-webhook", "The webhook body is empty.");
        }
        try {
            return reader.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw invalid("malformed-json", "The webhook body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ".");
        }
    }

    private static String echo(String value) {
        String printable = value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .limit(MAX_ECHO).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return value.codePointCount(0, value.length()) > MAX_ECHO ? printable + "…" : printable;
    }

    private static ProblemException invalid(String slug, String detail) {
        return new ProblemException(Status.BAD_REQUEST, slug, detail);
    }
}
