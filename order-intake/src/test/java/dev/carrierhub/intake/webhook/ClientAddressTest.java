package dev.carrierhub.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void byDefaultIsTheConnectionsPeerWhateverTheHeaderClaims() {
        ClientAddress untrusted = new ClientAddress(false, 1);

        assertThat(address(untrusted.resolve("203.0.113.5", List.of("10.1.2.3")))).isEqualTo("203.0.113.5");
        assertThat(address(untrusted.resolve("0:0:0:0:0:0:0:1", List.of()))).isEqualTo("0:0:0:0:0:0:0:1");
    }

    @Test
    void behindTrustedProxiesIsTheEntryTheOutermostOneWrote() {
        List<String> header = List.of("6.6.6.6, 198.51.100.7", "10.0.0.9");

        assertThat(address(new ClientAddress(true, 1).resolve("10.0.0.1", header))).isEqualTo("10.0.0.9");
        assertThat(address(new ClientAddress(true, 2).resolve("10.0.0.1", header))).isEqualTo("198.51.100.7");
        assertThat(address(new ClientAddress(true, 1).resolve("10.0.0.1", List.of("[2001:db8::7]"))))
                .isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void withoutTheHeaderIsThePeerAndWithTooFewOrUnreadableEntriesIsUnknown() {
        ClientAddress trusted = new ClientAddress(true, 2);

        assertThat(address(trusted.resolve("192.0.2.1", List.of()))).isEqualTo("192.0.2.1");
        assertThat(trusted.resolve("192.0.2.1", List.of("198.51.100.7"))).isEmpty();
        assertThat(new ClientAddress(true, 1).resolve("192.0.2.1", List.of("10.0.0.1, unknown"))).isEmpty();
        assertThat(new ClientAddress(true, 1).resolve("192.0.2.1", List.of("10.0.0.1, evil.example.com"))).isEmpty();
        assertThat(new ClientAddress(false, 1).resolve(null, List.of())).isEmpty();
    }

    @Test
    void needsAtLeastOneHop() {
        assertThatThrownBy(() -> new ClientAddress(true, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String address(Optional<InetAddress> address) {
        return address.map(InetAddress::getHostAddress).orElse(null);
    }
}
