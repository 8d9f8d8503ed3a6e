package dev.carrierhub.carriers.easypost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.testing.WebhookVectors;
import dev.carrierhub.carriers.webhook.SignatureCheck;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EasyPostWebhookSignatureTest {
    private static final byte[] BODY = EasyPostResources.text("recorded/event-tracker-updated.json")
            .getBytes(StandardCharsets.UTF_8);
    /** "ﬁ" (U+FB01) and "é" as "e" + U+0301: NFKD turns the first into "fi" and keeps the second decomposed. */
    private static final String SECRET = "\uFB01le-se\u0301cret";

    /** EasyPost's own vector: the official client fixtures' secret and signature over event-body.json. */
    @Test
    void easyPostsPublishedVectorVerifies() throws Exception {
        JsonNode vector = WebhookVectors.of("easypost");
        byte[] stored = WebhookVectors.file(vector.path("body_file").asText());
        // The vector signs the file without its one trailing line feed.
        byte[] body = stored[stored.length - 1] == '\n' ? Arrays.copyOf(stored, stored.length - 1) : stored;
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)))
                .isEqualTo(vector.path("body_sha256_without_trailing_lf").asText());
        String secret = vector.path("secret").asText();

        assertThat(EasyPostWebhookSignature.sign(secret, body)).isEqualTo(vector.path("expected_header_value").asText());
        assertThat(EasyPostWebhookSignature.verify(secret, vector.path("expected_header_value").asText(), body))
                .isEqualTo(SignatureCheck.VALID);
        String notNormalised = vector.path("negative_check").asText().replaceAll(".*(hmac-sha256-hex=[0-9a-f]{64}).*", "$1");
        assertThat(EasyPostWebhookSignature.verify(secret, notNormalised, body))
                .as("a signature made with the secret not NFKD-normalised").isEqualTo(SignatureCheck.MISMATCH);
        assertThat(EasyPostWebhookSignature.verify(secret, vector.path("expected_header_value").asText(), stored))
                .as("one more byte, the trailing line feed").isEqualTo(SignatureCheck.MISMATCH);
    }

    @Test
    void theSignatureIsTheHmacOfTheBodyUnderTheNfkdSecret() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("file-se\u0301cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "hmac-sha256-hex=" + HexFormat.of().formatHex(mac.doFinal(BODY));

        assertThat(EasyPostWebhookSignature.sign(SECRET, BODY)).isEqualTo(expected);
        assertThat(EasyPostWebhookSignature.verify(SECRET, expected, BODY)).isEqualTo(SignatureCheck.VALID);
        assertThat(EasyPostWebhookSignature.verify("file-s\u00e9cret", expected, BODY))
                .as("the same secret typed composed, without the ligature").isEqualTo(SignatureCheck.VALID);
        assertThat(EasyPostWebhookSignature.verify(SECRET, expected.toUpperCase(Locale.ROOT), BODY))
                .as("prefix and hex in capitals").isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void aTamperedBodyOrAnotherSecretIsAMismatch() {
        String header = EasyPostWebhookSignature.sign(SECRET, BODY);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("out_for_delivery", "delivered")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(EasyPostWebhookSignature.verify(SECRET, header, tampered)).isEqualTo(SignatureCheck.MISMATCH);
        assertThat(EasyPostWebhookSignature.verify("another-secret", header, BODY)).isEqualTo(SignatureCheck.MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hmac-sha256-hex=", "sha256=0000000000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000000",
            "hmac-sha256-hex=000000000000000000000000000000000000000000000000000000000000000",
            "hmac-sha256-hex=00000000000000000000000000000000000000000000000000000000000000000",
            "hmac-sha256-hex=zz00000000000000000000000000000000000000000000000000000000000000"})
    void aHeaderThatCannotBeReadIsMalformed(String header) {
        assertThat(EasyPostWebhookSignature.verify(SECRET, header, BODY)).isEqualTo(SignatureCheck.MALFORMED);
    }

    @Test
    void noHeaderIsMalformed() {
        assertThat(EasyPostWebhookSignature.verify(SECRET, null, BODY)).isEqualTo(SignatureCheck.MALFORMED);
        assertThat(EasyPostWebhookSignature.verify(SECRET, "hmac-sha256-hex=" + "0".repeat(2000), BODY))
                .isEqualTo(SignatureCheck.MALFORMED);
    }

    record Case(String secret, byte[] body, int flipped) {
        @Override
        public String toString() {
            return "secret of " + secret.length() + " chars, body of " + body.length + " bytes";
        }
    }

    static Stream<Case> cases() {
        Random random = new Random(7_2026L);
        return IntStream.range(0, 200).mapToObj(i -> {
            byte[] body = new byte[1 + random.nextInt(4096)];
            random.nextBytes(body);
            StringBuilder secret = new StringBuilder();
            random.ints(1 + random.nextInt(40), 0x21, 0xFB06).forEach(secret::appendCodePoint);
            return new Case(secret.toString(), body, random.nextInt(body.length));
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void whateverTheSecretAndBodyItVerifiesAndAnyFlippedBitBreaksIt(Case c) {
        String header = EasyPostWebhookSignature.sign(c.secret(), c.body());
        byte[] changed = c.body().clone();
        changed[c.flipped()] ^= 0x01;

        assertThat(header).matches("hmac-sha256-hex=[0-9a-f]{64}");
        assertThat(EasyPostWebhookSignature.verify(c.secret(), header, c.body())).isEqualTo(SignatureCheck.VALID);
        assertThat(EasyPostWebhookSignature.verify(c.secret(), header, changed)).isEqualTo(SignatureCheck.MISMATCH);
    }
}
