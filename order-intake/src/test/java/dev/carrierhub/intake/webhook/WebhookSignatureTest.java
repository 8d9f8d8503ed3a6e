package dev.carrierhub.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final byte[] BODY = "{\"_id\": 11}".getBytes(StandardCharsets.US_ASCII);

    @Test
    void isHmacSha256OfTheRawBodyInLowercaseHex() {
        // RFC 4231, test case 2.
        assertThat(new WebhookSignature("Jefe").sign("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void acceptsItsOwnSignatureInEitherCase() {
        WebhookSignature signature = new WebhookSignature("s3cret");
        String header = signature.sign(BODY);

        assertThat(signature.verify(BODY, header)).isTrue();
        assertThat(signature.verify(BODY, "SHA256=" + header.substring(7).toUpperCase())).isTrue();
        assertThat(signature.verify(BODY, " " + header + " ")).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"sha256=", "sha1=0123", "sha256=zz", "0123456789abcdef", "sha256=xyz",
            "sha256=00000000000000000000000000000000000000000000000000000000000000000"})
    void refusesAMissingOrMalformedHeader(String header) {
        assertThat(new WebhookSignature("s3cret").verify(BODY, header)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void refusesAnyChangeToTheBodyOrTheSignature(long seed) {
        Random random = new Random(seed);
        WebhookSignature signature = new WebhookSignature("s3cret");
        byte[] body = new byte[1 + random.nextInt(2000)];
        random.nextBytes(body);
        String header = signature.sign(body);

        byte[] changed = body.clone();
        changed[random.nextInt(changed.length)] ^= (byte) (1 + random.nextInt(255));
        char[] hex = header.toCharArray();
        int at = 7 + random.nextInt(64);
        hex[at] = hex[at] == '0' ? '1' : '0';

        assertThat(signature.verify(body, header)).isTrue();
        assertThat(signature.verify(changed, header)).isFalse();
        assertThat(signature.verify(body, new String(hex))).isFalse();
        assertThat(new WebhookSignature("s3cret2").verify(body, header)).isFalse();
    }
}
