package dev.carrierhub.carriers.shippo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.testing.WebhookVectors;
import dev.carrierhub.carriers.webhook.SignatureCheck;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The signature scheme itself is {@code TimestampedHmac}'s, tested there in depth; this is Shippo's use of it. */
class ShippoWebhookSignatureTest {
    private static final Duration TOLERANCE = Duration.ofSeconds(300);
    private static final String SECRET = "shippo-own-secret";
    private static final long T = 1_772_700_000L;
    private static final byte[] BODY = ShippoResources.text("recorded/webhook-track-updated.json").getBytes(StandardCharsets.UTF_8);

    /** carrier-specs' vector, derived from the documented algorithm. */
    @Test
    void theSharedVectorVerifies() {
        JsonNode vector = WebhookVectors.of("shippo");
        byte[] body = WebhookVectors.utf8(vector, "body");
        String secret = vector.path("secret").asText();
        long t = vector.path("t").asLong();
        String expected = vector.path("expected_header_value").asText();

        assertThat(vector.path("header").asText()).isEqualToIgnoringCase(ShippoWebhookSignature.HEADER);
        assertThat(ShippoWebhookSignature.sign(secret, t, body)).isEqualTo(expected);
        assertThat(ShippoWebhookSignature.verify(secret, expected, body, Instant.ofEpochSecond(t), TOLERANCE))
                .isEqualTo(SignatureCheck.VALID);
        assertThat(ShippoWebhookSignature.verify(secret, expected, body, Instant.ofEpochSecond(t + 301), TOLERANCE))
                .isEqualTo(SignatureCheck.OUTSIDE_TOLERANCE);
    }

    @Test
    void ourOwnVectorIsTheHmacOfTimestampDotBody() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((T + ".").getBytes(StandardCharsets.UTF_8));
        String expected = "t=" + T + ",v1=" + HexFormat.of().formatHex(mac.doFinal(BODY));

        assertThat(ShippoWebhookSignature.sign(SECRET, T, BODY)).isEqualTo(expected);
        assertThat(ShippoWebhookSignature.verify(SECRET, expected, BODY, Instant.ofEpochSecond(T + 299), TOLERANCE))
                .isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void aTamperedBodyAnotherSecretOrAnOldTimestampIsRefused() {
        String header = ShippoWebhookSignature.sign(SECRET, T, BODY);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("\"TRANSIT\"", "\"DELIVERED\"")
                .getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.ofEpochSecond(T);

        assertThat(ShippoWebhookSignature.verify(SECRET, header, tampered, now, TOLERANCE)).isEqualTo(SignatureCheck.MISMATCH);
        assertThat(ShippoWebhookSignature.verify("other", header, BODY, now, TOLERANCE)).isEqualTo(SignatureCheck.MISMATCH);
        assertThat(ShippoWebhookSignature.verify(SECRET, header, BODY, now.plus(Duration.ofHours(1)), TOLERANCE))
                .isEqualTo(SignatureCheck.OUTSIDE_TOLERANCE);
        assertThat(ShippoWebhookSignature.verify(SECRET, header, BODY, now.minusSeconds(301), TOLERANCE))
                .as("signed five minutes ahead of our clock").isEqualTo(SignatureCheck.OUTSIDE_TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v1=0000000000000000000000000000000000000000000000000000000000000000", "t=1772700000",
            "hmac-sha256-hex=0000000000000000000000000000000000000000000000000000000000000000"})
    void aMissingOrUnreadableHeaderIsMalformed(String header) {
        assertThat(ShippoWebhookSignature.verify(SECRET, header, BODY, Instant.ofEpochSecond(T), TOLERANCE))
                .isEqualTo(SignatureCheck.MALFORMED);
        assertThat(ShippoWebhookSignature.verify(SECRET, null, BODY, Instant.ofEpochSecond(T), TOLERANCE))
                .isEqualTo(SignatureCheck.MALFORMED);
    }
}
