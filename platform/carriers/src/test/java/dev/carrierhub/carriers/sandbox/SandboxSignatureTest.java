package dev.carrierhub.carriers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.carriers.sandbox.SandboxSignature.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxSignatureTest {
    private static final String SECRET = "whsec_test";
    private static final byte[] BODY = "{\"event_id\":\"e1\",\"status\":\"delivered\"}".getBytes(StandardCharsets.UTF_8);
    private static final long T = 1_700_000_000L;
    private static final Instant AT_T = Instant.ofEpochSecond(T);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    /** Computed independently: printf '1700000000.<body>' | openssl dgst -sha256 -hmac whsec_test. */
    private static final String OPENSSL_HEX = "44ea9423ba8cbf6e2da273821957aaa22548a307a54b48c142d3d2abf43ea355";

    @Test
    void signsLikeOpenssl() {
        assertThat(SandboxSignature.sign(SECRET, T, BODY)).isEqualTo("t=1700000000,v1=" + OPENSSL_HEX);
    }

    @Test
    void acceptsItsOwnSignature() {
        String header = SandboxSignature.sign(SECRET, T, BODY);

        assertThat(SandboxSignature.verify(SECRET, header, BODY, AT_T.plusSeconds(30), TOLERANCE))
                .isEqualTo(Verification.VALID);
    }

    @Test
    void acceptsARecordedCallback() {
        String header = Resources.text("recorded/callback-delivered.signature.txt").trim();
        byte[] body = Resources.bytes("recorded/callback-delivered.json");
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(header.substring(2, header.indexOf(','))));

        assertThat(SandboxSignature.verify(SECRET, header, body, signedAt, TOLERANCE)).isEqualTo(Verification.VALID);
    }

    @Test
    void refusesATamperedBody() {
        String header = SandboxSignature.sign(SECRET, T, BODY);
        byte[] tampered = "{\"event_id\":\"e1\",\"status\":\"failure\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(SandboxSignature.verify(SECRET, header, tampered, AT_T, TOLERANCE)).isEqualTo(Verification.MISMATCH);
    }

    @Test
    void refusesAnotherSecret() {
        String header = SandboxSignature.sign("whsec_other", T, BODY);

        assertThat(SandboxSignature.verify(SECRET, header, BODY, AT_T, TOLERANCE)).isEqualTo(Verification.MISMATCH);
    }

    @Test
    void refusesAnOldTimestampAsAPossibleReplay() {
        String header = SandboxSignature.sign(SECRET, T, BODY);

        assertThat(SandboxSignature.verify(SECRET, header, BODY, AT_T.plus(TOLERANCE).plusSeconds(1), TOLERANCE))
                .isEqualTo(Verification.OUTSIDE_TOLERANCE);
        assertThat(SandboxSignature.verify(SECRET, header, BODY, AT_T.plus(TOLERANCE), TOLERANCE))
                .isEqualTo(Verification.VALID);
    }

    @Test
    void refusesATimestampFromTheFuture() {
        String header = SandboxSignature.sign(SECRET, T, BODY);

        assertThat(SandboxSignature.verify(SECRET, header, BODY, AT_T.minus(TOLERANCE).minusSeconds(1), TOLERANCE))
                .isEqualTo(Verification.OUTSIDE_TOLERANCE);
    }

    @Test
    void refusesAReplayedSignatureUnderAnotherTimestamp() {
        String header = SandboxSignature.sign(SECRET, T, BODY).replace("t=1700000000", "t=1700000100");

        assertThat(SandboxSignature.verify(SECRET, header, BODY, AT_T, TOLERANCE)).isEqualTo(Verification.MISMATCH);
    }

    @Test
    void acceptsAnyOfSeveralSignaturesDuringSecretRotation() {
        String old = SandboxSignature.sign("whsec_old", T, BODY);
        String header = old + ",v1=" + OPENSSL_HEX + ",v0=ignored";

        assertThat(SandboxSignature.verify(SECRET, header, BODY, AT_T, TOLERANCE)).isEqualTo(Verification.VALID);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            " ",
            "garbage",
            "v1=" + OPENSSL_HEX,
            "t=1700000000",
            "t=1700000000,v1=",
            "t=abc,v1=" + OPENSSL_HEX,
            "t=-1700000000,v1=" + OPENSSL_HEX,
            "t=1700000000,t=1700000000,v1=" + OPENSSL_HEX,
            "t=1700000000,v1=" + "44EA9423BA8CBF6E2DA273821957AAA22548A307A54B48C142D3D2ABF43EA355",
            "t=1700000000,v1=44ea94",
            "t=1700000000,v1=" + OPENSSL_HEX + ",",
            "t=1700000000;v1=" + OPENSSL_HEX,
            "t=99999999999999999999,v1=" + OPENSSL_HEX,
    })
    void refusesAMalformedHeader(String header) {
        assertThat(SandboxSignature.verify(SECRET, header, BODY, AT_T, TOLERANCE)).isEqualTo(Verification.MALFORMED_HEADER);
    }

    @Test
    void refusesAnOverlongHeaderWithoutParsingIt() {
        String header = "t=1700000000,v1=" + OPENSSL_HEX + ",x=" + "a".repeat(2000);

        assertThat(SandboxSignature.verify(SECRET, header, BODY, AT_T, TOLERANCE)).isEqualTo(Verification.MALFORMED_HEADER);
    }

    @Test
    void requiresASecret() {
        assertThatThrownBy(() -> SandboxSignature.sign("", T, BODY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxSignature.verify(null, "t=1,v1=" + OPENSSL_HEX, BODY, AT_T, TOLERANCE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
