package dev.carrierhub.carriers.shippo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.testing.TestResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads golden and recorded files from {@code src/test/resources/shippo}. */
final class ShippoResources {
    private ShippoResources() {
    }

    static String text(String name) {
        return TestResources.text("shippo", name);
    }

    static JsonNode json(String name) {
        return parse(text(name));
    }

    /** A recorded answer whose file links point at {@code base} (the WireMock server) instead of a placeholder. */
    static String recorded(String name, String base) {
        return text("recorded/" + name).replace("{{wiremock}}", base);
    }

    /** A recorded answer as the mapper sees it, links pointing at {@code https://files.example}. */
    static ShippoReply reply(int status, String name) {
        return new ShippoReply(status, recorded(name, "https://files.example"), null);
    }

    /** The JSON as it goes over the wire, so a BigDecimal and its golden number compare equal. */
    static JsonNode onTheWire(JsonNode node) {
        return parse(new String(ShippoJson.bytes(node), StandardCharsets.UTF_8));
    }

    static JsonNode parse(String json) {
        try {
            return ShippoJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
