package dev.carrierhub.odoo.client;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach one tenant's Odoo: base URL, database, API key, the integration user (a login that
 * {@code authenticate} turns into a uid, or the uid itself), protocol and the timeout of one HTTP exchange.
 *
 * <p>{@link #toString()} never shows the API key; {@code equals} does compare it, so a rotated key gives a new
 * client (and a fresh circuit breaker) in {@link OdooClients}.
 */
public record OdooConnection(URI url, String database, String apiKey, String login, Long uid, OdooProtocol protocol,
        Duration timeout) {

    public OdooConnection {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(timeout, "timeout");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("Odoo url must be an absolute http(s) URL: " + url);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("an Odoo API key is required");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (protocol == OdooProtocol.JSON_RPC) {
            // execute_kw carries the database and the uid in every call.
            if (database == null || database.isBlank()) {
                throw new IllegalArgumentException("JSON-RPC needs the database name");
            }
            if ((login == null || login.isBlank()) && uid == null) {
                throw new IllegalArgumentException("JSON-RPC needs the integration user's login or uid");
            }
        }
    }

    /** Odoo 17/18: the user's login is turned into a uid by {@code common.authenticate} on first use. */
    public static OdooConnection jsonRpc(URI url, String database, String login, String apiKey, Duration timeout) {
        return new OdooConnection(url, database, apiKey, login, null, OdooProtocol.JSON_RPC, timeout);
    }

    /** Odoo 17/18 with a known uid: no {@code authenticate} round trip. */
    public static OdooConnection jsonRpc(URI url, String database, long uid, String apiKey, Duration timeout) {
        return new OdooConnection(url, database, apiKey, null, uid, OdooProtocol.JSON_RPC, timeout);
    }

    /** Odoo 19+: the API key identifies the user; {@code database} may be null when the host selects it. */
    public static OdooConnection json2(URI url, String database, String apiKey, Duration timeout) {
        return new OdooConnection(url, database, apiKey, null, null, OdooProtocol.JSON_2, timeout);
    }

    /** The base URL without a trailing slash, ready to have {@code /jsonrpc} or {@code /json/2/...} appended. */
    String baseUrl() {
        String base = url.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base;
    }

    /** A name for logs and error messages: database and host, never the key. */
    public String label() {
        return (database == null ? "" : database + "@") + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
    }

    @Override
    public String toString() {
        return "OdooConnection[url=" + url + ", database=" + database + ", apiKey=***, login=" + login + ", uid=" + uid
                + ", protocol=" + protocol + ", timeout=" + timeout + "]";
    }
}
