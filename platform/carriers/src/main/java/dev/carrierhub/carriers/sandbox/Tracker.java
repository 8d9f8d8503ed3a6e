package dev.carrierhub.carriers.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;

/** A callback subscription for one tracking number. */
record Tracker(String id, String trackingNumber, URI callbackUrl, Instant createdAt) {
    ObjectNode toJson() {
        return SandboxJson.MAPPER.createObjectNode()
                .put("id", id)
                .put("tracking_number", trackingNumber)
                .put("callback_url", callbackUrl.toString())
                .put("created_at", createdAt.toString());
    }
}
