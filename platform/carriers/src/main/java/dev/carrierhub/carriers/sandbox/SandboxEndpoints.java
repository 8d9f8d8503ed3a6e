package dev.carrierhub.carriers.sandbox;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The URLs of the sandbox API under one base URI, with ids and keys escaped. */
public final class SandboxEndpoints {
    private final URI base;

    public SandboxEndpoints(URI baseUri) {
        String text = Objects.requireNonNull(baseUri, "baseUri").toString();
        // Resolving against a base without a trailing slash would drop its last path segment.
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
    }

    public URI rates() {
        return base.resolve("v1/rates");
    }

    public URI shipments() {
        return base.resolve("v1/shipments");
    }

    public URI shipmentByIdempotencyKey(String idempotencyKey) {
        return base.resolve("v1/shipments?idempotency_key=" + URLEncoder.encode(idempotencyKey, StandardCharsets.UTF_8));
    }

    public URI voidShipment(String carrierShipmentId) {
        return base.resolve("v1/shipments/" + segment(carrierShipmentId) + "/void");
    }

    public URI tracking(String trackingNumber) {
        return base.resolve("v1/tracking/" + segment(trackingNumber));
    }

    public URI trackers() {
        return base.resolve("v1/trackers");
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, so an id cannot add a path segment. */
    static String segment(String value) {
        Objects.requireNonNull(value, "path segment");
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
