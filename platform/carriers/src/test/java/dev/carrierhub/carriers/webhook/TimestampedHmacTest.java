package dev.carrierhub.carriers.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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

class TimestampedHmacTest {
    private static final String SECRET = "whsec_own_vector";
    private static final long T = 1_795_000_000L;
    private static final Instant AT_T = Instant.ofEpochSecond(T);
    private static final Duration TOLERANCE = Duration.ofSeconds(300);
    private static final byte[] BODY = "{\"event\":\"track_updated\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theHeaderIsTheHmacOfTimestampDotBody() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((T + ".{\"event\":\"track_updated\"}").getBytes(StandardCharsets.UTF_8)));

        assertThat(TimestampedHmac.sign(SECRET, T, BODY)).isEqualTo("t=" + T + ",v1=" + expected);
        assertThat(TimestampedHmac.verify(SECRET, "t=" + T + ",v1=" + expected, BODY, AT_T, TOLERANCE))
                .isEqualTo(SignatureCheck.VALID);
        assertThat(TimestampedHmac.verify(SECRET, "t=" + T + ",v1=" + expected.toUpperCase(Locale.ROOT), BODY, AT_T, TOLERANCE))
                .as("hex in capitals is the same signature").isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void aTimestampOutsideTheWindowIsRefusedEitherWay() {
        String header = TimestampedHmac.sign(SECRET, T, BODY);

        assertThat(TimestampedHmac.verify(SECRET, header, BODY, AT_T.plusSeconds(300), TOLERANCE)).isEqualTo(SignatureCheck.VALID);
        assertThat(TimestampedHmac.verify(SECRET, header, BODY, AT_T.plusSeconds(301), TOLERANCE))
                .isEqualTo(SignatureCheck.OUTSIDE_TOLERANCE);
        assertThat(TimestampedHmac.verify(SECRET, header, BODY, AT_T.minusSeconds(301), TOLERANCE))
                .isEqualTo(SignatureCheck.OUTSIDE_TOLERANCE);
    }

    @Test
    void aTimestampMovedIntoTheWindowBreaksTheSignature() {
        String replayed = TimestampedHmac.sign(SECRET, T - 3600, BODY).replace("t=" + (T - 3600), "t=" + T);

        assertThat(TimestampedHmac.verify(SECRET, replayed, BODY, AT_T, TOLERANCE)).isEqualTo(SignatureCheck.MISMATCH);
    }

    @Test
    void oneMatchingSignatureOfSeveralSuffices() {
        String current = TimestampedHmac.sign(SECRET, T, BODY);
        String old = TimestampedHmac.sign("whsec_old", T, BODY);
        String both = old + "," + current.substring(current.indexOf("v1=")) + ",v0=ignored";

        assertThat(TimestampedHmac.verify(SECRET, both, BODY, AT_T, TOLERANCE)).isEqualTo(SignatureCheck.VALID);
        assertThat(TimestampedHmac.verify("whsec_other", both, BODY, AT_T, TOLERANCE)).isEqualTo(SignatureCheck.MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "v1=abc", "t=1795000000", "t=1795000000,v1=", "t=1795000000,v1=zz",
            "t=x,v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=1,t=2,v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=1795000000;v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=9999999999999,v1=0000000000000000000000000000000000000000000000000000000000000000"})
    void aHeaderThatCannotBeReadIsMalformed(String header) {
        assertThat(TimestampedHmac.verify(SECRET, header, BODY, AT_T, TOLERANCE)).isEqualTo(SignatureCheck.MALFORMED);
    }

    @Test
    void noHeaderOrAnOverlongOneIsMalformed() {
        assertThat(TimestampedHmac.verify(SECRET, null, BODY, AT_T, TOLERANCE)).isEqualTo(SignatureCheck.MALFORMED);
        String overlong = TimestampedHmac.sign(SECRET, T, BODY) + ",x=" + "a".repeat(1024);
        assertThat(TimestampedHmac.verify(SECRET, overlong, BODY, AT_T, TOLERANCE)).isEqualTo(SignatureCheck.MALFORMED);
    }

    record Case(String secret, byte[] body, long timestamp, int flipped) {
        @Override
        public String toString() {
            return "secret of " + secret.length() + " chars, body of " + body.length + " bytes, t=" + timestamp;
        }
    }

    static Stream<Case> cases() {
        Random random = new Random(20261127L);
        return IntStream.range(0, 200).mapToObj(i -> {
            byte[] body = new byte[1 + random.nextInt(2048)];
            random.nextBytes(body);
            StringBuilder secret = new StringBuilder();
            random.ints(1 + random.nextInt(48), 0x21, 0x2FF).forEach(secret::appendCodePoint);
            return new Case(secret.toString(), body, Math.floorMod(random.nextLong(), 4_102_444_800L), random.nextInt(body.length));
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void whateverTheSecretBodyAndTimeItVerifiesAndAnyFlippedBitBreaksIt(Case c) {
        String header = TimestampedHmac.sign(c.secret(), c.timestamp(), c.body());
        Instant now = Instant.ofEpochSecond(c.timestamp());
        byte[] changed = c.body().clone();
        changed[c.flipped()] ^= 0x01;

        assertThat(TimestampedHmac.verify(c.secret(), header, c.body(), now, TOLERANCE)).isEqualTo(SignatureCheck.VALID);
        assertThat(TimestampedHmac.verify(c.secret(), header, changed, now, TOLERANCE)).isEqualTo(SignatureCheck.MISMATCH);
        assertThat(TimestampedHmac.verify(c.secret() + "x", header, c.body(), now, TOLERANCE)).isEqualTo(SignatureCheck.MISMATCH);
    }
}
