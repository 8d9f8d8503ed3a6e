package dev.carrierhub.intake.webhook;

import com.fasterxml.jackson.databind.JsonNode;

/** An Odoo automation-rule webhook: the model and record it is about, the action, and the raw fields. */
public record OdooWebhook(String model, long recordId, String action, JsonNode fields) {

    /** Odoo sends {@code false} for every empty value; this reads such a field as absent. */
    public String text(String field) {
        JsonNode value = fields.get(field);
        return value == null || value.isNull() || value.isBoolean() ? null : value.asText();
    }
}
