package dev.carrierhub.intake.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Reading Odoo's {@code read} values: many2one as {@code [id, name]}, and {@code false} for every empty value. */
final class OdooValues {
    private OdooValues() {
    }

    static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || value.isNull() || value.isBoolean() ? null : value.asText();
    }

    static Long manyToOneId(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value != null && value.isArray() && !value.isEmpty() ? value.get(0).asLong() : null;
    }

    static String manyToOneName(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value != null && value.isArray() && value.size() > 1 ? value.get(1).asText() : null;
    }

    static BigDecimal decimal(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || !value.isNumber() ? null : value.decimalValue();
    }
}
