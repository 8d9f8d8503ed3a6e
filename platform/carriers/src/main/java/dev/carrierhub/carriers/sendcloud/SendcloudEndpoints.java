package dev.carrierhub.carriers.sendcloud;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The Sendcloud API v3 URLs under one root (e.g. {@code https://panel.sendcloud.sc/api/v3}), with ids escaped. */
public final class SendcloudEndpoints {
    private final URI base;

    public SendcloudEndpoints(URI baseUri) {
        String text = Objects.requireNonNull(baseUri, "baseUri").toString();
        // Resolving against a base without a trailing slash would drop its last path segment (the version).
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
    }

    /** {@code POST}: the shipping options (with quotes) for a shipment. */
    public URI shippingOptions() {
        return base.resolve("shipping-options");
    }

    /** {@code POST}: creates and announces a shipment synchronously, labels included. */
    public URI announce() {
        return base.resolve("shipments/announce");
    }

    /** {@code GET}: the shipment whose {@code external_reference_id} is the key (unique per user). */
    public URI shipmentsByExternalReference(String externalReferenceId) {
        return base.resolve("shipments?external_reference_id="
                + URLEncoder.encode(Objects.requireNonNull(externalReferenceId, "externalReferenceId"), StandardCharsets.UTF_8));
    }

    /** {@code GET}: one shipment. */
    public URI shipment(String shipmentId) {
        return base.resolve("shipments/" + segment(shipmentId));
    }

    /** {@code POST}: cancels an announced shipment, where the carrier allows it. */
    public URI cancel(String shipmentId) {
        return base.resolve("shipments/" + segment(shipmentId) + "/cancel");
    }

    /** {@code GET}: a parcel's status and events by tracking number. */
    public URI tracking(String trackingNumber) {
        return base.resolve("parcels/tracking/" + segment(trackingNumber));
    }

    /** Whether a document link points at the API host, i.e. may be sent the keys. */
    boolean sameOrigin(URI uri) {
        return uri != null && Objects.equals(base.getScheme(), uri.getScheme())
                && Objects.equals(base.getHost(), uri.getHost()) && base.getPort() == uri.getPort();
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
