package dev.carrierhub.intake.webhook;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/** The CIDR ranges a tenant's webhooks may come from (IPv4 and IPv6). An empty list admits nobody. */
public final class SourceAllowList {
    private final List<Range> ranges;

    private SourceAllowList(List<Range> ranges) {
        this.ranges = ranges;
    }

    /**
     * Reads ranges such as {@code 10.0.0.0/8}, {@code 2001:db8::/32} or a bare address (one host).
     *
     * @throws IllegalArgumentException naming the first entry that is not a range, or has host bits set
     */
    public static SourceAllowList parse(List<String> cidrs) {
        return new SourceAllowList(cidrs.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Range::parse).toList());
    }

    public boolean permits(Optional<InetAddress> address) {
        return address.isPresent() && ranges.stream().anyMatch(range -> range.contains(address.get()));
    }

    @Override
    public String toString() {
        return ranges.toString();
    }

    /** One CIDR range: the network's bytes and how many leading bits must match. */
    private record Range(byte[] network, int prefix, String text) {
        static Range parse(String cidr) {
            int slash = cidr.indexOf('/');
            String addressText = slash < 0 ? cidr : cidr.substring(0, slash);
            InetAddress address = IpLiteral.parse(addressText).orElseThrow(() ->
                    new IllegalArgumentException("\"" + cidr + "\" is not an IPv4 or IPv6 address or CIDR range"));
            int bits = address.getAddress().length * 8;
            int prefix = slash < 0 ? bits : prefix(cidr, cidr.substring(slash + 1));
            if (address instanceof Inet4Address && addressText.indexOf(':') >= 0) {
                // ::ffff:a.b.c.d/n is an IPv4-mapped range; the JDK already gave the IPv4 address.
                prefix -= 96;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("\"" + cidr + "\" has a prefix length outside 0.." + bits);
            }
            byte[] network = address.getAddress();
            if (!masked(network, prefix).equals(new BigInteger(1, network))) {
                throw new IllegalArgumentException("\"" + cidr + "\" has host bits set after /" + prefix
                        + "; write the network address");
            }
            return new Range(network, prefix, cidr);
        }

        private static int prefix(String cidr, String text) {
            if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("\"" + cidr + "\" has no valid prefix length");
            }
            return Integer.parseInt(text);
        }

        boolean contains(InetAddress candidate) {
            byte[] bytes = candidate.getAddress();
            return bytes.length == network.length
                    && masked(bytes, prefix).equals(new BigInteger(1, network));
        }

        private static BigInteger masked(byte[] address, int prefix) {
            int bits = address.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(prefix).xor(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
            return new BigInteger(1, address).and(mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
