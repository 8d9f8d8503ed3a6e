package dev.carrierhub.carriers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.carriers.sandbox.SandboxSignature.Verification;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of sign/verify over many generated cases (seeded, so a failure reproduces): whatever the
 * secret, body and time, a signature verifies, and any change to body, secret or timestamp breaks it.
 */
class SandboxSignaturePropertyTest {
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    record Case(String secret, byte[] body, long timestamp, long skewSeconds, int flippedByte) {
        @Override
        public String toString() {
            return "secret of " + secret.length() + " chars, body of " + body.length + " bytes, t=" + timestamp
                    + ", skew " + skewSeconds + " s";
        }
    }

    static Stream<Case> cases() {
        Random random = new Random(20261126L);
        return IntStream.range(0, 300).mapToObj(i -> {
            byte[] body = new byte[random.nextInt(2048)];
            random.nextBytes(body);
            int secretLength = 1 + random.nextInt(64);
            StringBuilder secret = new StringBuilder();
            random.ints(secretLength, 0x21, 0x2FF).forEach(secret::appendCodePoint);
            long timestamp = Math.floorMod(random.nextLong(), 4_102_444_800L);
            long skew = random.nextInt((int) TOLERANCE.getSeconds() * 2 + 1) - TOLERANCE.getSeconds();
            return new Case(secret.toString(), body, timestamp, skew, body.length == 0 ? -1 : random.nextInt(body.length));
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aSignatureVerifiesWithinTheTolerance(Case c) {
        String header = SandboxSignature.sign(c.secret(), c.timestamp(), c.body());

        assertThat(SandboxSignature.verify(c.secret(), header, c.body(), now(c), TOLERANCE)).isEqualTo(Verification.VALID);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void changingAnyBodyByteBreaksIt(Case c) {
        String header = SandboxSignature.sign(c.secret(), c.timestamp(), c.body());
        byte[] changed = c.flippedByte() < 0 ? new byte[] {0} : c.body().clone();
        if (c.flippedByte() >= 0) {
            changed[c.flippedByte()] ^= 0x01;
        }

        assertThat(SandboxSignature.verify(c.secret(), header, changed, now(c), TOLERANCE)).isEqualTo(Verification.MISMATCH);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void anotherSecretBreaksIt(Case c) {
        String header = SandboxSignature.sign(c.secret(), c.timestamp(), c.body());

        assertThat(SandboxSignature.verify(c.secret() + "x", header, c.body(), now(c), TOLERANCE))
                .isEqualTo(Verification.MISMATCH);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theHeaderHasTheDocumentedShape(Case c) {
        String header = SandboxSignature.sign(c.secret(), c.timestamp(), c.body());

        assertThat(header).matches("t=" + c.timestamp() + ",v1=[0-9a-f]{64}");
    }

    private static Instant now(Case c) {
        return Instant.ofEpochSecond(c.timestamp() + c.skewSeconds());
    }
}
