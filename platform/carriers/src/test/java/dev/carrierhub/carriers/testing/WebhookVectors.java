package dev.carrierhub.carriers.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The carriers' published webhook signature vectors ({@code carrier-specs/webhooks/signature-test-vectors.json})
 * and the files they name, read in place; a test that needs them is skipped when {@code ../shared} is absent.
 */
public final class WebhookVectors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookVectors() {
    }

    /** The vector of {@code carrier} ({@code easypost}, {@code sendcloud}, {@code fedex} …). */
    public static JsonNode of(String carrier) {
        JsonNode vector = read(SharedSpecs.require("webhooks/signature-test-vectors.json")).path(carrier);
        if (!vector.isObject()) {
            throw new IllegalStateException("signature-test-vectors.json has no vector for " + carrier);
        }
        return vector;
    }

    /** A file named by a vector, relative to {@code carrier-specs/webhooks/} as the vectors write it. */
    public static byte[] file(String relativeToWebhooks) {
        Path path = SharedSpecs.require("webhooks/" + relativeToWebhooks);
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file under {@code carrier-specs/}. */
    public static byte[] specFile(String relative) {
        try {
            return Files.readAllBytes(SharedSpecs.require(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A vector's text field as the exact bytes that were signed. */
    public static byte[] utf8(JsonNode vector, String field) {
        return vector.path(field).asText().getBytes(StandardCharsets.UTF_8);
    }

    public static JsonNode read(Path path) {
        try {
            return JSON.readTree(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
