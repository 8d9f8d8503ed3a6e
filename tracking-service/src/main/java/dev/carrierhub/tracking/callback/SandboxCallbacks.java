package dev.carrierhub.tracking.callback;

import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.sandbox.SandboxConnector;
import dev.carrierhub.carriers.sandbox.SandboxResponseMapper;
import dev.carrierhub.carriers.sandbox.SandboxSignature;
import dev.carrierhub.carriers.webhook.SignatureCheck;
import dev.carrierhub.tracking.config.TrackingConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** The sandbox carrier's callbacks: Stripe-style {@code X-Sandbox-Signature}, EasyPost-like JSON. */
@ApplicationScoped
public class SandboxCallbacks implements CarrierCallbacks {
    private final CallbackSecrets secrets;
    private final TrackingConfig config;
    private final SandboxResponseMapper mapper = new SandboxResponseMapper();

    public SandboxCallbacks(CallbackSecrets secrets, TrackingConfig config) {
        this.secrets = secrets;
        this.config = config;
    }

    @Override
    public String carrier() {
        return SandboxConnector.CARRIER;
    }

    @Override
    public Uni<Verdict> verify(Function<String, String> header, byte[] rawBody, Instant now) {
        return secrets.check(carrier(), secret -> switch (SandboxSignature.verify(secret,
                header.apply(SandboxSignature.HEADER), rawBody, now, config.signatureTolerance())) {
            case VALID -> SignatureCheck.VALID;
            case MALFORMED_HEADER -> SignatureCheck.MALFORMED;
            case OUTSIDE_TOLERANCE -> SignatureCheck.OUTSIDE_TOLERANCE;
            case MISMATCH -> SignatureCheck.MISMATCH;
        });
    }

    @Override
    public Optional<TrackingEvent> parse(byte[] rawBody) {
        return Optional.of(mapper.toTrackingEvent(rawBody));
    }
}
