package dev.carrierhub.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceAllowListTest {
    private final SourceAllowList list = SourceAllowList.parse(List.of(
            "10.0.0.0/8", "192.168.1.7", " 172.16.0.0/12 ", "2001:db8::/32", "::1", "::ffff:100.64.0.0/106"));

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0, true", "10.255.255.255, true", "11.0.0.0, false", "9.255.255.255, false",
            "192.168.1.7, true", "192.168.1.8, false", "172.31.255.255, true", "172.32.0.0, false",
            "2001:db8::1, true", "2001:db8:ffff:ffff::, true", "2001:db9::, false", "::1, true", "::2, false",
            "[2001:db8::5], true", "::ffff:10.1.2.3, true", "100.64.0.1, true", "100.128.0.1, false",
            "127.0.0.1, false", "0:0:0:0:0:0:0:1, true"})
    void permitsExactlyTheAddressesInItsRanges(String address, boolean permitted) {
        assertThat(list.permits(IpLiteral.parse(address))).isEqualTo(permitted);
    }

    @Test
    void anUnknownAddressOrAnEmptyListPermitsNothingAndSlashZeroEverything() {
        assertThat(list.permits(Optional.empty())).isFalse();
        assertThat(SourceAllowList.parse(List.of()).permits(IpLiteral.parse("10.0.0.1"))).isFalse();
        SourceAllowList any = SourceAllowList.parse(List.of("0.0.0.0/0", "::/0"));
        assertThat(any.permits(IpLiteral.parse("203.0.113.9"))).isTrue();
        assertThat(any.permits(IpLiteral.parse("2001:db8::9"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1/8", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/a",
            "localhost", "odoo.example.com", "10.0.0.256", "10.0.0", "1.2.3.4.5", "fe80::1%eth0", "2001:db8::1/32",
            "::ffff:10.0.0.0/64", "10.0.0.0/8/8"})
    void refusesWhatIsNotANetworkRange(String cidr) {
        assertThatThrownBy(() -> SourceAllowList.parse(List.of(cidr))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(cidr.trim());
    }
}
