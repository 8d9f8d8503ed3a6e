package dev.carrierhub.carriers.ups;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;

/** UPS wire JSON: the mapper, and the reading helpers every UPS answer needs. */
final class UpsJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private UpsJson() {
    }

    /**
     * The elements of a UPS "array". UPS sends a single element as a bare object where its schema says
     * array ({@code RatedShipment}, {@code PackageResults}, {@code Alert}, {@code ItemizedCharges} ...), so
     * every list is read through here: an array gives its object elements, an object gives itself, and a
     * missing field or {@code null} gives nothing.
     */
    static List<JsonNode> list(JsonNode node) {
        List<JsonNode> elements = new ArrayList<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return elements;
        }
        if (node.isArray()) {
            node.forEach(element -> {
                if (element != null && !element.isNull()) {
                    elements.add(element);
                }
            });
        } else {
            elements.add(node);
        }
        return elements;
    }

    /** A field's text when it is a non-blank scalar, else null; UPS writes numbers as strings and sometimes not. */
    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }
}
