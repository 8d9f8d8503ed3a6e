package dev.carrierhub.core.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrierhub.contracts.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Kafka headers as the JSON text of {@code dead_letter.headers}: {@code [{"name": ..., "value": <base64>}]},
 * in order, repeated names kept, no value for a null one. Values are base64 because a header is bytes, not text.
 */
public final class StoredHeaders {
    private StoredHeaders() {
    }

    public static String toJson(List<Header> headers) {
        ArrayNode stored = Json.mapper().createArrayNode();
        for (Header header : headers) {
            ObjectNode node = stored.addObject().put("name", header.key());
            if (header.value() != null) {
                node.put("value", Base64.getEncoder().encodeToString(header.value()));
            }
        }
        try {
            return Json.mapper().writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers cannot be written as JSON", e);
        }
    }

    public static List<Header> fromJson(String json) {
        List<Header> headers = new ArrayList<>();
        try {
            for (JsonNode node : Json.mapper().readTree(json)) {
                JsonNode value = node.get("value");
                headers.add(new RecordHeader(node.get("name").asText(),
                        value == null || value.isNull() ? null : Base64.getDecoder().decode(value.asText())));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored headers are not JSON", e);
        }
        return headers;
    }
}
