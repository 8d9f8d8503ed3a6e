package dev.carrierhub.carriers.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookCryptoTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Duration TOLERANCE = Duration.ofSeconds(300);

    @Test
    void theHmacOfThePartsIsTheHmacOfTheirConcatenation() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("k".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] whole = mac.doFinal("12.{}".getBytes(StandardCharsets.UTF_8));

        assertThat(WebhookCrypto.hmacSha256("k".getBytes(StandardCharsets.UTF_8),
                "12.".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8))).isEqualTo(whole);
    }

    @Test
    void rfc4231TestCase2() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
        assertThat(HexFormat.of().formatHex(WebhookCrypto.hmacSha256("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void anEmptyOrMissingSecretIsAProgrammingErrorNotAMismatch() {
        assertThatThrownBy(() -> WebhookCrypto.hmacSha256(new byte[0], new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookCrypto.secretBytes("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookCrypto.secretBytes(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textsAreEqualOnlyWhenEqual() {
        assertThat(WebhookCrypto.sameText("credential-1", "credential-1")).isTrue();
        assertThat(WebhookCrypto.sameText("credential-1", "credential-2")).isFalse();
        assertThat(WebhookCrypto.sameText("credential-1", "credential-1 ")).isFalse();
        assertThat(WebhookCrypto.sameText("credential-1", "credential")).isFalse();
        assertThat(WebhookCrypto.sameText("credential-1", "")).isFalse();
    }

    @Test
    void theWindowIncludesItsEdgesBothWays() {
        assertThat(WebhookCrypto.within(NOW.minusSeconds(300), NOW, TOLERANCE)).isTrue();
        assertThat(WebhookCrypto.within(NOW.plusSeconds(300), NOW, TOLERANCE)).isTrue();
        assertThat(WebhookCrypto.within(NOW.minusSeconds(301), NOW, TOLERANCE)).isFalse();
        assertThat(WebhookCrypto.within(NOW.plusSeconds(301), NOW, TOLERANCE)).isFalse();
    }
}
