package dev.carrierhub.tracking.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.registry.CarrierRegistry;
import dev.carrierhub.carriers.sandbox.SandboxSignature;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.tracking.config.TrackingConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SandboxCallbacksTest {
    private static final String SECRET = "whsec_unit";
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final byte[] BODY = """
            {"event_id":"evt-9","tracking_number":"SBX000000000009","status":"delivered",\
            "description":"Delivered, signed for","location":"Munich, DE","occurred_at":"2026-03-02T07:59:00Z",\
            "signed_by":"MÜLLER"}""".getBytes(StandardCharsets.UTF_8);

    private final SandboxCallbacks callbacks = callbacks(Optional.of(SECRET));

    @Test
    void aCallbackSignedWithTheAccountSecretIsValid() {
        String header = SandboxSignature.sign(SECRET, NOW.getEpochSecond() - 10, BODY);

        assertThat(verdict(callbacks, headers(header), BODY, NOW)).isEqualTo(Verdict.VALID);
    }

    @Test
    void aMissingOrGarbledHeaderIsRefused() {
        assertThat(verdict(callbacks, headers(null), BODY, NOW)).isEqualTo(Verdict.MISSING_OR_MALFORMED);
        assertThat(verdict(callbacks, headers("t=abc,v1=zz"), BODY, NOW)).isEqualTo(Verdict.MISSING_OR_MALFORMED);
    }

    @Test
    void aSignatureOlderThanTheToleranceIsAReplay() {
        String header = SandboxSignature.sign(SECRET, NOW.getEpochSecond() - 301, BODY);

        assertThat(verdict(callbacks, headers(header), BODY, NOW)).isEqualTo(Verdict.OUTSIDE_TOLERANCE);
    }

    @Test
    void anotherSecretOrAnotherBodyDoesNotMatch() {
        long t = NOW.getEpochSecond();
        assertThat(verdict(callbacks, headers(SandboxSignature.sign("other", t, BODY)), BODY, NOW))
                .isEqualTo(Verdict.MISMATCH);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("MÜLLER", "MALLORY")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(verdict(callbacks, headers(SandboxSignature.sign(SECRET, t, BODY)), tampered, NOW))
                .isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void withoutAWebhookSecretNothingIsTrusted() {
        SandboxCallbacks unconfigured = callbacks(Optional.empty());

        assertThat(verdict(unconfigured, headers(SandboxSignature.sign(SECRET, NOW.getEpochSecond(), BODY)), BODY, NOW))
                .isEqualTo(Verdict.NOT_CONFIGURED);
    }

    @Test
    void aVerifiedBodyReadsAsADeliveryWithItsProof() {
        TrackingEvent event = callbacks.parse(BODY).orElseThrow();

        assertThat(event.eventId()).isEqualTo("evt-9");
        assertThat(event.milestone()).isEqualTo(Milestone.DELIVERED);
        assertThat(event.proofOfDelivery().signedBy()).isEqualTo("MÜLLER");
        assertThatThrownBy(() -> callbacks.parse("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Verdict verdict(SandboxCallbacks scheme, Function<String, String> headers, byte[] body, Instant now) {
        return scheme.verify(headers, body, now).await().indefinitely();
    }

    private static SandboxCallbacks callbacks(Optional<String> secret) {
        TrackingConfig config = CallbackTestConfig.tracking(Map.of());
        return new SandboxCallbacks(new CallbackSecrets(registry(secret), config), config);
    }

    private static Function<String, String> headers(String signature) {
        return name -> SandboxSignature.HEADER.equalsIgnoreCase(name) ? signature : null;
    }

    private static CarrierRegistry registry(Optional<String> secret) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "carrierhub.carriers.accounts.sandbox.type", "sandbox",
                "carrierhub.carriers.accounts.sandbox.base-url", "http://127.0.0.1:1",
                "carrierhub.carriers.accounts.sandbox.timeout", "PT1S"));
        secret.ifPresent(s -> properties.put("carrierhub.carriers.accounts.sandbox.webhook-secret", s));
        return CallbackTestConfig.registry(properties);
    }
}
