package dev.carrierhub.carriers.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One request to the sandbox, read in full (bounded) before anything is decided about it. */
record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body) {
    /** Bodies are bounded, like a real carrier's gateway does, so a runaway client cannot exhaust memory. */
    static final int MAX_BODY_BYTES = 1 << 20;

    static ApiRequest read(HttpExchange exchange) throws IOException, ApiError {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new ApiError(413, "payload_too_large", "request bodies are limited to " + MAX_BODY_BYTES + " bytes");
            }
        }
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return new ApiRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                parseQuery(exchange.getRequestURI().getRawQuery()),
                Map.copyOf(headers),
                body);
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The body as JSON; an empty or unreadable body is a 400. */
    JsonNode json() throws ApiError {
        if (body.length == 0) {
            throw new ApiError(400, "invalid_json", "a JSON body is required");
        }
        try {
            JsonNode node = SandboxJson.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ApiError(400, "invalid_json", "the body must be a JSON object");
            }
            return node;
        } catch (IOException unreadable) {
            throw new ApiError(400, "invalid_json", "the body is not valid JSON");
        }
    }

    private static Map<String, String> parseQuery(String rawQuery) throws ApiError {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                query.putIfAbsent(decode(name), decode(value));
            } catch (IllegalArgumentException badEscape) {
                throw new ApiError(400, "invalid_query", "the query string is not properly encoded");
            }
        }
        return Map.copyOf(query);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
