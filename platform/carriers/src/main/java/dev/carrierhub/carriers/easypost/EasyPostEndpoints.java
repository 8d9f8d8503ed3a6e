package dev.carrierhub.carriers.easypost;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The EasyPost URLs under one API root (e.g. {@code https://api.easypost.com/v2}), with ids escaped. */
public final class EasyPostEndpoints {
    private final URI base;

    public EasyPostEndpoints(URI baseUri) {
        String text = Objects.requireNonNull(baseUri, "baseUri").toString();
        // Resolving against a base without a trailing slash would drop its last path segment (the version).
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
    }

    /** {@code POST}: creates a shipment, which also rates it. */
    public URI shipments() {
        return base.resolve("shipments");
    }

    /** {@code GET}: one shipment, by its {@code shp_} id or by its {@code reference}. */
    public URI shipment(String idOrReference) {
        return base.resolve("shipments/" + segment(idOrReference));
    }

    /** {@code POST}: buys one of the shipment's rates. */
    public URI buy(String shipmentId) {
        return base.resolve("shipments/" + segment(shipmentId) + "/buy");
    }

    /** {@code POST}: asks for a refund of the shipment's postage (EasyPost's void). */
    public URI refund(String shipmentId) {
        return base.resolve("shipments/" + segment(shipmentId) + "/refund");
    }

    /** {@code POST}: creates a tracker. */
    public URI trackers() {
        return base.resolve("trackers");
    }

    /** {@code GET}: the trackers of one tracking code, newest first. */
    public URI trackersByCode(String trackingCode) {
        return base.resolve("trackers?tracking_code=" + URLEncoder.encode(trackingCode, StandardCharsets.UTF_8)
                + "&page_size=1");
    }

    /** {@code GET} lists, {@code POST} creates the account's webhooks. */
    public URI webhooks() {
        return base.resolve("webhooks");
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
