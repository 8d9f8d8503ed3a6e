package dev.carrierhub.carriers.easypost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.testing.TestResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads golden and recorded files from {@code src/test/resources/easypost}. */
final class EasyPostResources {
    private EasyPostResources() {
    }

    static String text(String name) {
        return TestResources.text("easypost", name);
    }

    static JsonNode json(String name) {
        return parse(text(name));
    }

    /** A recorded answer whose file links point at {@code base} (the WireMock server) instead of a placeholder. */
    static String recorded(String name, String base) {
        return text("recorded/" + name).replace("{{wiremock}}", base);
    }

    /** A recorded answer as the mapper sees it, links pointing at {@code https://files.example}. */
    static EasyPostReply reply(int status, String name) {
        return new EasyPostReply(status, recorded(name, "https://files.example"), null);
    }

    /** The JSON as it goes over the wire, so a BigDecimal 64.0 and a golden {@code 64.0} compare equal. */
    static JsonNode onTheWire(JsonNode node) {
        return parse(new String(EasyPostJson.bytes(node), StandardCharsets.UTF_8));
    }

    static JsonNode parse(String json) {
        try {
            return EasyPostJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
