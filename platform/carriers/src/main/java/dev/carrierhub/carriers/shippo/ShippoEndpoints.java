package dev.carrierhub.carriers.shippo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The Shippo URLs under one API root (e.g. {@code https://api.goshippo.com}), with ids escaped. */
public final class ShippoEndpoints {
    /** The largest page {@code GET /transactions} serves. */
    static final int MAX_PAGE_SIZE = 100;

    private final URI base;

    public ShippoEndpoints(URI baseUri) {
        String text = Objects.requireNonNull(baseUri, "baseUri").toString();
        // Resolving against a base without a trailing slash would drop its last path segment.
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
    }

    /** {@code POST}: creates a shipment, which rates it. */
    public URI shipments() {
        return base.resolve("shipments");
    }

    /** {@code POST}: buys a rate's label; {@code GET} lists transactions. */
    public URI transactions() {
        return base.resolve("transactions");
    }

    /** {@code GET}: the most recent transactions, newest first, one page of {@code pageSize}. */
    public URI recentTransactions(int pageSize) {
        return base.resolve("transactions?results=" + Math.min(Math.max(pageSize, 1), MAX_PAGE_SIZE) + "&page=1");
    }

    /** {@code GET}: one transaction. */
    public URI transaction(String transactionId) {
        return base.resolve("transactions/" + segment(transactionId));
    }

    /** {@code GET}: one rate. */
    public URI rate(String rateId) {
        return base.resolve("rates/" + segment(rateId));
    }

    /** {@code POST}: asks for a refund of a transaction's label (Shippo's void). */
    public URI refunds() {
        return base.resolve("refunds");
    }

    /** {@code POST}: registers a tracking number for {@code track_updated} webhooks. */
    public URI tracks() {
        return base.resolve("tracks");
    }

    /** {@code GET}: the status and history of one tracking number of one carrier. */
    public URI track(String carrier, String trackingNumber) {
        return base.resolve("tracks/" + segment(carrier) + "/" + segment(trackingNumber));
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
