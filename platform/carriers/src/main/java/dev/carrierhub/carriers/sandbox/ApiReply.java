package dev.carrierhub.carriers.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/** What the sandbox answers: a status, a JSON body and extra headers. */
record ApiReply(int status, JsonNode body, Map<String, String> headers) {
    ApiReply {
        headers = Map.copyOf(headers);
    }

    static ApiReply of(int status, JsonNode body) {
        return new ApiReply(status, body, Map.of());
    }

    static ApiReply error(int status, String code, String message, String field) {
        ObjectNode error = SandboxJson.MAPPER.createObjectNode().put("code", code).put("message", message);
        if (field != null) {
            error.put("field", field);
        }
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        body.set("error", error);
        return of(status, body);
    }

    ApiReply withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new ApiReply(status, body, more);
    }
}
