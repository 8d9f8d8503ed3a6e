package dev.carrierhub.intake.webhook;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which address a webhook came from: the connection's peer, or, behind proxies that are trusted to
 * append to X-Forwarded-For, the entry the outermost of them wrote. Anything a caller could have
 * written itself is never used.
 */
public final class ClientAddress {
    public static final String FORWARDED_FOR = "X-Forwarded-For";

    private final boolean trustForwardedFor;
    private final int hops;

    public ClientAddress(boolean trustForwardedFor, int hops) {
        if (hops < 1) {
            throw new IllegalArgumentException("carrierhub.webhook.forwarded-for-hops must be at least 1: " + hops);
        }
        this.trustForwardedFor = trustForwardedFor;
        this.hops = hops;
    }

    /**
     * @param peer the connection's remote address (may be null, e.g. on a Unix socket)
     * @param forwardedFor every X-Forwarded-For header value, in order
     * @return the caller's address, or empty when it cannot be told (which no allow-list admits)
     */
    public Optional<InetAddress> resolve(String peer, List<String> forwardedFor) {
        List<String> entries = entries(forwardedFor);
        if (!trustForwardedFor || entries.isEmpty()) {
            // Without the header, the request did not come through the proxies: the peer is the caller.
            return IpLiteral.parse(peer);
        }
        if (entries.size() < hops) {
            return Optional.empty();
        }
        return IpLiteral.parse(entries.get(entries.size() - hops));
    }

    private static List<String> entries(List<String> headerValues) {
        List<String> entries = new ArrayList<>();
        for (String value : headerValues) {
            for (String entry : value.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.trim());
                }
            }
        }
        return entries;
    }
}
