package dev.carrierhub.carriers.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A warning the sandbox attaches to a rate or booking, written as {@code {code, message, severity}}. */
record Notice(String code, String message, String severity) {
    ObjectNode toJson() {
        return SandboxJson.MAPPER.createObjectNode().put("code", code).put("message", message).put("severity", severity);
    }
}
