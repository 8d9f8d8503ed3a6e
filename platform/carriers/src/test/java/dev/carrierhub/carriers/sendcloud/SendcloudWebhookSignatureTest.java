package dev.carrierhub.carriers.sendcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.testing.WebhookVectors;
import dev.carrierhub.carriers.webhook.SignatureCheck;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SendcloudWebhookSignatureTest {
    private static final Duration TOLERANCE = Duration.ofSeconds(300);
    private static final String SECRET = "sendcloud-own-secret";
    private static final byte[] DELIVERED = recorded("webhook-parcel-delivered.json");
    /** The {@code timestamp} of {@code webhook-parcel-delivered.json}. */
    private static final Instant SENT = Instant.ofEpochSecond(1_772_531_100L);

    /** Sendcloud's own example: {@code {"key": "value"}} under {@code secretkey}. It has no timestamp, so no window. */
    @Test
    void sendcloudsPublishedVectorVerifiesAtAnyTime() {
        JsonNode vector = WebhookVectors.of("sendcloud");
        byte[] body = WebhookVectors.utf8(vector, "body");
        String secret = vector.path("secret").asText();
        String expected = vector.path("expected_header_value").asText();

        assertThat(SendcloudWebhookSignature.sign(secret, body)).isEqualTo(expected);
        assertThat(SendcloudWebhookSignature.verify(secret, expected, body, Instant.now(), TOLERANCE))
                .isEqualTo(SignatureCheck.VALID);
        assertThat(SendcloudWebhookSignature.verify(secret, expected, body, Instant.EPOCH, TOLERANCE))
                .isEqualTo(SignatureCheck.VALID);
    }

    /**
     * Sendcloud's {@code parcel_status_changed} example says {@code "timestamp": 123}: taken literally, a callback
     * signed at 1970-01-01T00:02:03Z. It is therefore refused as a replay at today's clock, and accepted by a clock
     * that reads 123 s. (Signed with our secret: the example comes without a signature.)
     */
    @Test
    void sendcloudsExampleWithTimestamp123IsAReplayTodayAndValidAtItsOwnTime() {
        byte[] body = WebhookVectors.file("sendcloud/parcel-status-changed.json");
        String header = SendcloudWebhookSignature.sign(SECRET, body);

        assertThat(SendcloudWebhookSignature.verify(SECRET, header, body, Instant.now(), TOLERANCE))
                .isEqualTo(SignatureCheck.OUTSIDE_TOLERANCE);
        assertThat(SendcloudWebhookSignature.verify(SECRET, header, body, Instant.ofEpochSecond(123 + 60), TOLERANCE))
                .isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void ourOwnVectorIsTheHexHmacOfTheBody() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(DELIVERED));

        assertThat(SendcloudWebhookSignature.sign(SECRET, DELIVERED)).isEqualTo(expected);
        assertThat(SendcloudWebhookSignature.verify(SECRET, expected, DELIVERED, SENT, TOLERANCE)).isEqualTo(SignatureCheck.VALID);
        assertThat(SendcloudWebhookSignature.verify(SECRET, " " + expected.toUpperCase(Locale.ROOT) + " ", DELIVERED, SENT,
                TOLERANCE)).isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void theBodysTimestampIsTheReplayWindow() {
        String header = SendcloudWebhookSignature.sign(SECRET, DELIVERED);

        assertThat(SendcloudWebhookSignature.verify(SECRET, header, DELIVERED, SENT.plusSeconds(300), TOLERANCE))
                .isEqualTo(SignatureCheck.VALID);
        assertThat(SendcloudWebhookSignature.verify(SECRET, header, DELIVERED, SENT.plusSeconds(301), TOLERANCE))
                .isEqualTo(SignatureCheck.OUTSIDE_TOLERANCE);
        assertThat(SendcloudWebhookSignature.verify(SECRET, header, DELIVERED, SENT.minusSeconds(301), TOLERANCE))
                .isEqualTo(SignatureCheck.OUTSIDE_TOLERANCE);
    }

    @Test
    void aTimestampInMillisecondsIsReadAsMilliseconds() {
        byte[] body = recorded("webhook-parcel-sorted-ms.json");
        String header = SendcloudWebhookSignature.sign(SECRET, body);
        Instant sent = Instant.ofEpochMilli(1_772_444_700_123L);

        assertThat(SendcloudWebhookSignature.verify(SECRET, header, body, sent.plusSeconds(200), TOLERANCE))
                .isEqualTo(SignatureCheck.VALID);
        assertThat(SendcloudWebhookSignature.verify(SECRET, header, body, sent.plusSeconds(400), TOLERANCE))
                .isEqualTo(SignatureCheck.OUTSIDE_TOLERANCE);
        assertThat(SendcloudWebhookSignature.instant(new BigDecimal("1772444700.5")))
                .contains(Instant.ofEpochMilli(1_772_444_700_500L));
        assertThat(SendcloudWebhookSignature.instant(new BigDecimal("-1"))).isEmpty();
    }

    @Test
    void aTamperedBodyIsAMismatchBeforeItsTimestampIsRead() {
        String header = SendcloudWebhookSignature.sign(SECRET, DELIVERED);
        byte[] tampered = new String(DELIVERED, StandardCharsets.UTF_8).replace("\"id\": 11", "\"id\": 12")
                .getBytes(StandardCharsets.UTF_8);
        byte[] replayed = new String(DELIVERED, StandardCharsets.UTF_8).replace("1772531100", "1900000000")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(SendcloudWebhookSignature.verify(SECRET, header, tampered, SENT, TOLERANCE)).isEqualTo(SignatureCheck.MISMATCH);
        assertThat(SendcloudWebhookSignature.verify(SECRET, header, replayed, Instant.ofEpochSecond(1_900_000_000L), TOLERANCE))
                .as("a fresh timestamp written into an old body").isEqualTo(SignatureCheck.MISMATCH);
        assertThat(SendcloudWebhookSignature.verify("other", header, DELIVERED, SENT, TOLERANCE)).isEqualTo(SignatureCheck.MISMATCH);
    }

    @Test
    void aSignedTimestampThatIsNoNumberIsMalformedAndABodyThatIsNoJsonHasNone() {
        byte[] text = "{\"action\":\"parcel_status_changed\",\"timestamp\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8);
        byte[] notJson = "key=value".getBytes(StandardCharsets.UTF_8);

        assertThat(SendcloudWebhookSignature.verify(SECRET, SendcloudWebhookSignature.sign(SECRET, text), text, SENT, TOLERANCE))
                .isEqualTo(SignatureCheck.MALFORMED);
        assertThat(SendcloudWebhookSignature.verify(SECRET, SendcloudWebhookSignature.sign(SECRET, notJson), notJson, SENT,
                TOLERANCE)).as("authentic; the parser refuses it later").isEqualTo(SignatureCheck.VALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "sha256=0000000000000000000000000000000000000000000000000000000000000000",
            "000000000000000000000000000000000000000000000000000000000000000",
            "00000000000000000000000000000000000000000000000000000000000000000",
            "z000000000000000000000000000000000000000000000000000000000000000"})
    void aMissingOrUnreadableHeaderIsMalformed(String header) {
        assertThat(SendcloudWebhookSignature.verify(SECRET, header, DELIVERED, SENT, TOLERANCE)).isEqualTo(SignatureCheck.MALFORMED);
        assertThat(SendcloudWebhookSignature.verify(SECRET, null, DELIVERED, SENT, TOLERANCE)).isEqualTo(SignatureCheck.MALFORMED);
    }

    private static byte[] recorded(String name) {
        return SendcloudResources.text("recorded/" + name).getBytes(StandardCharsets.UTF_8);
    }
}
