package dev.carrierhub.intake.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Reads an IPv4 or IPv6 address literal without ever asking DNS: {@link InetAddress#getByName}
 * would resolve anything that does not look like a literal, and these strings come from callers.
 */
final class IpLiteral {
    private IpLiteral() {
    }

    /** The address, or empty for anything that is not a plain literal (host names, zones, ports). */
    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.trim();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (literal.isEmpty() || literal.length() > 45) {
            return Optional.empty();
        }
        return literal.indexOf(':') >= 0 ? ipv6(literal) : ipv4(literal);
    }

    private static Optional<InetAddress> ipv4(String literal) {
        String[] parts = literal.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return byAddress(bytes);
    }

    private static Optional<InetAddress> ipv6(String literal) {
        // Hex groups, colons and an optional dotted IPv4 tail; no zone id. With a colon in it, the JDK
        // parses the text as a literal and fails without a lookup when it is not one.
        if (!literal.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException notALiteral) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> byAddress(byte[] bytes) {
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException impossible) {
            return Optional.empty();
        }
    }
}
