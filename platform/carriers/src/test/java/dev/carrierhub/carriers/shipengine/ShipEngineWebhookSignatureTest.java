package dev.carrierhub.carriers.shipengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.testing.TestResources;
import dev.carrierhub.carriers.testing.WebhookVectors;
import dev.carrierhub.carriers.webhook.SignatureCheck;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShipEngineWebhookSignatureTest {
    private static final Duration TOLERANCE = Duration.ofSeconds(300);
    private static final KeyPair KEY = TestKeys.rsa();
    private static final KeyPair OTHER_KEY = TestKeys.rsa();
    private static final ShipEngineKeys KEYS = TestKeys.fixed(Map.of("kid-1", KEY.getPublic()));
    private static final String TIMESTAMP = "2026-11-27T14:05:00Z";
    private static final Instant SENT = Instant.parse(TIMESTAMP);
    private static final byte[] BODY = TestResources.bytes("shipengine", "recorded/webhook-track-out-for-delivery.json");

    /** carrier-specs' vector: a key pair made for it (JWKS kept, private key discarded) and its synthetic track body. */
    @Test
    void theSharedVectorVerifiesWithItsJwks() throws Exception {
        JsonNode vector = WebhookVectors.of("shipengine");
        JsonNode headers = vector.path("headers");
        byte[] body = WebhookVectors.file(vector.path("body_file").asText());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)))
                .isEqualTo(vector.path("body_sha256").asText());
        ShipEngineKeys keys = TestKeys.fixed(ShipEngineJwks.parse(WebhookVectors.file(vector.path("jwks_file").asText())));
        String kid = headers.path(ShipEngineWebhookSignature.KEY_ID_HEADER).asText();
        String signature = headers.path(ShipEngineWebhookSignature.SIGNATURE_HEADER).asText();
        String timestamp = headers.path(ShipEngineWebhookSignature.TIMESTAMP_HEADER).asText();
        Instant sent = Instant.parse(timestamp);

        assertThat(check(keys, kid, signature, timestamp, body, sent.plusSeconds(30))).isEqualTo(SignatureCheck.VALID);
        assertThat(check(keys, kid, signature, timestamp, body, sent.plusSeconds(301))).isEqualTo(SignatureCheck.OUTSIDE_TOLERANCE);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("JOHN", "MARY").getBytes(StandardCharsets.UTF_8);
        assertThat(check(keys, kid, signature, timestamp, tampered, sent)).isEqualTo(SignatureCheck.MISMATCH);
        assertThat(check(keys, kid, signature, "2024-04-23T13:50:11Z", body, sent))
                .as("another timestamp in the header").isEqualTo(SignatureCheck.MISMATCH);
    }

    @Test
    void ourOwnSignatureIsRsaSha256OverTimestampDotBody() throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(KEY.getPrivate());
        rsa.update((TIMESTAMP + ".").getBytes(StandardCharsets.UTF_8));
        rsa.update(BODY);
        String expected = Base64.getEncoder().encodeToString(rsa.sign());

        assertThat(ShipEngineWebhookSignature.sign(KEY.getPrivate(), TIMESTAMP, BODY)).isEqualTo(expected);
        assertThat(check(KEYS, "kid-1", expected, TIMESTAMP, BODY, SENT)).isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void aTamperedBodyAnotherKeyOrAnUnknownKeyIdIsAMismatch() {
        String signature = ShipEngineWebhookSignature.sign(KEY.getPrivate(), TIMESTAMP, BODY);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("OUT_FOR_DELIVERY", "DELIVERED")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(check(KEYS, "kid-1", signature, TIMESTAMP, tampered, SENT)).isEqualTo(SignatureCheck.MISMATCH);
        assertThat(check(KEYS, "kid-1", ShipEngineWebhookSignature.sign(OTHER_KEY.getPrivate(), TIMESTAMP, BODY), TIMESTAMP,
                BODY, SENT)).isEqualTo(SignatureCheck.MISMATCH);
        assertThat(check(KEYS, "kid-2", signature, TIMESTAMP, BODY, SENT)).isEqualTo(SignatureCheck.MISMATCH);
        assertThat(check(KEYS, "kid-1", Base64.getEncoder().encodeToString(new byte[7]), TIMESTAMP, BODY, SENT))
                .as("a signature of the wrong length").isEqualTo(SignatureCheck.MISMATCH);
    }

    @Test
    void aTimestampOutsideTheWindowIsRefusedWithoutLookingUpKeys() {
        String old = "2026-11-27T13:59:59Z";
        String ahead = "2026-11-27T14:10:01Z";

        assertThat(check(TestKeys.failingOnUse(), "kid-1", ShipEngineWebhookSignature.sign(KEY.getPrivate(), old, BODY), old,
                BODY, SENT)).isEqualTo(SignatureCheck.OUTSIDE_TOLERANCE);
        assertThat(check(TestKeys.failingOnUse(), "kid-1", ShipEngineWebhookSignature.sign(KEY.getPrivate(), ahead, BODY), ahead,
                BODY, SENT)).isEqualTo(SignatureCheck.OUTSIDE_TOLERANCE);
        String skewed = "2026-11-27T14:07:00Z";
        assertThat(check(KEYS, "kid-1", ShipEngineWebhookSignature.sign(KEY.getPrivate(), skewed, BODY), skewed, BODY, SENT))
                .as("two minutes ahead of our clock").isEqualTo(SignatureCheck.VALID);
        String offset = "2026-11-27T15:05:00+01:00";
        assertThat(check(KEYS, "kid-1", ShipEngineWebhookSignature.sign(KEY.getPrivate(), offset, BODY), offset, BODY, SENT))
                .as("an offset time, signed as written").isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void keysThatCannotBeFetchedAreSaidSo() {
        String signature = ShipEngineWebhookSignature.sign(KEY.getPrivate(), TIMESTAMP, BODY);

        assertThat(check(TestKeys.unavailable(), "kid-1", signature, TIMESTAMP, BODY, SENT))
                .isEqualTo(SignatureCheck.KEYS_UNAVAILABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kid", "signature", "timestamp"})
    void aMissingHeaderIsMalformed(String missing) {
        String signature = ShipEngineWebhookSignature.sign(KEY.getPrivate(), TIMESTAMP, BODY);

        assertThat(check(TestKeys.failingOnUse(), missing.equals("kid") ? null : "kid-1",
                missing.equals("signature") ? " " : signature, missing.equals("timestamp") ? null : TIMESTAMP, BODY, SENT))
                .isEqualTo(SignatureCheck.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-11-27 14:05:00", "1795000000"})
    void anUnreadableTimestampIsMalformed(String timestamp) {
        String signature = ShipEngineWebhookSignature.sign(KEY.getPrivate(), timestamp, BODY);

        assertThat(check(TestKeys.failingOnUse(), "kid-1", signature, timestamp, BODY, SENT)).isEqualTo(SignatureCheck.MALFORMED);
    }

    @Test
    void aSignatureThatIsNoBase64IsMalformed() {
        assertThat(check(TestKeys.failingOnUse(), "kid-1", "not base64!", TIMESTAMP, BODY, SENT)).isEqualTo(SignatureCheck.MALFORMED);
        assertThat(check(TestKeys.failingOnUse(), "kid-1", "x".repeat(2000), TIMESTAMP, BODY, SENT)).isEqualTo(SignatureCheck.MALFORMED);
    }

    @Test
    void aKeyOfAnotherKindNeverMatches() {
        PublicKey notRsa = new PublicKey() {
            @Override
            public String getAlgorithm() {
                return "EC";
            }

            @Override
            public String getFormat() {
                return null;
            }

            @Override
            public byte[] getEncoded() {
                return new byte[0];
            }
        };

        assertThat(ShipEngineWebhookSignature.matches(notRsa, TIMESTAMP, BODY, new byte[256])).isFalse();
    }

    private static SignatureCheck check(ShipEngineKeys keys, String kid, String signature, String timestamp, byte[] body,
            Instant now) {
        CompletionStage<SignatureCheck> check = ShipEngineWebhookSignature.verify(keys, kid, signature, timestamp, body, now,
                TOLERANCE);
        return check.toCompletableFuture().join();
    }
}
