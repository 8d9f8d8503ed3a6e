package dev.carrierhub.odoo.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/** An HTTP answer, reduced to what the error mapping needs. */
record HttpReply(int status, String contentType, byte[] body, String retryAfter) {

    JsonNode json() {
        return OdooJson.readOrNull(body);
    }

    /** The start of the body as text, for error messages about non-JSON answers. */
    String snippet() {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).strip();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
