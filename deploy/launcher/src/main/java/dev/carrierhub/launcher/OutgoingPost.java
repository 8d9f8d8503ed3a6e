package dev.carrierhub.launcher;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One POST for {@link OpenLoopLoad} to send: where, with which headers, and the exact bytes of its body. */
record OutgoingPost(URI uri, Map<String, String> headers, byte[] body) {
    OutgoingPost {
        headers = Map.copyOf(headers);
    }

    static OutgoingPost json(URI uri, String body) {
        return new OutgoingPost(uri, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }
}
