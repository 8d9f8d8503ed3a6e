package dev.carrierhub.carriers.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.testing.TestResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads golden and recorded files from {@code src/test/resources/sandbox}. */
final class Resources {
    private Resources() {
    }

    static byte[] bytes(String name) {
        return TestResources.bytes("sandbox", name);
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static JsonNode json(String name) {
        try {
            return SandboxJson.MAPPER.readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON as it goes over the wire, so a BigDecimal 2 and a golden {@code 2} compare equal. */
    static JsonNode onTheWire(JsonNode node) {
        try {
            return SandboxJson.MAPPER.readTree(SandboxJson.MAPPER.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
