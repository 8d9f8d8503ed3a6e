package dev.carrierhub.carriers.fedex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.testing.TestResources;
import dev.carrierhub.carriers.testing.WebhookVectors;
import dev.carrierhub.carriers.webhook.SignatureCheck;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FedExWebhookSignatureTest {
    private static final String TOKEN = "fedex-own-security-token";
    private static final byte[] BODY = TestResources.bytes("fedex", "recorded/webhook-delivered.json");

    /** carrier-specs' vector, derived from FedEx's documented algorithm. */
    @Test
    void theSharedVectorVerifies() {
        JsonNode vector = WebhookVectors.of("fedex");
        byte[] body = WebhookVectors.utf8(vector, "body");
        String token = vector.path("secret").asText();
        String expected = vector.path("expected_header_value").asText();

        assertThat(vector.path("header").asText()).isEqualTo(FedExWebhookSignature.HEADER);
        assertThat(FedExWebhookSignature.sign(token, body)).isEqualTo(expected);
        assertThat(FedExWebhookSignature.verify(token, expected, body)).isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void ourOwnVectorIsTheBase64HmacOfTheBody() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(BODY));

        assertThat(FedExWebhookSignature.sign(TOKEN, BODY)).isEqualTo(expected);
        assertThat(FedExWebhookSignature.verify(TOKEN, expected, BODY)).isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void aTamperedBodyOrAnotherTokenIsAMismatch() {
        String header = FedExWebhookSignature.sign(TOKEN, BODY);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("J.SMITH", "J.DOE").getBytes(StandardCharsets.UTF_8);

        assertThat(FedExWebhookSignature.verify(TOKEN, header, tampered)).isEqualTo(SignatureCheck.MISMATCH);
        assertThat(FedExWebhookSignature.verify("another-token", header, BODY)).isEqualTo(SignatureCheck.MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "not base64!", "AAAA", "hmac-sha256-hex=00",
            "Lci6LRKxOkSYL0UNrDEiQecaSbJvPuIvNmxO0MWTP8o=AAAA"})
    void aMissingOrUnreadableHeaderIsMalformed(String header) {
        assertThat(FedExWebhookSignature.verify(TOKEN, header, BODY)).isEqualTo(SignatureCheck.MALFORMED);
        assertThat(FedExWebhookSignature.verify(TOKEN, null, BODY)).isEqualTo(SignatureCheck.MALFORMED);
    }

    static Stream<byte[]> bodies() {
        Random random = new Random(2026_11_27L);
        return IntStream.range(0, 100).mapToObj(i -> {
            byte[] body = new byte[1 + random.nextInt(2048)];
            random.nextBytes(body);
            return body;
        });
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void anyBodyVerifiesAndAnyFlippedBitBreaksIt(byte[] body) {
        String header = FedExWebhookSignature.sign(TOKEN, body);
        byte[] changed = body.clone();
        changed[body.length / 2] ^= 0x01;

        assertThat(FedExWebhookSignature.verify(TOKEN, header, body)).isEqualTo(SignatureCheck.VALID);
        assertThat(FedExWebhookSignature.verify(TOKEN, header, changed)).isEqualTo(SignatureCheck.MISMATCH);
    }
}
