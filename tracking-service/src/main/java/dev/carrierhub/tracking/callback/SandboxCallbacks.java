package dev.carrierhub.tracking.callback;

import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.registry.CarrierAccountsConfig;
import dev.carrierhub.carriers.registry.CarrierRegistry;
import dev.carrierhub.carriers.sandbox.SandboxConnector;
import dev.carrierhub.carriers.sandbox.SandboxResponseMapper;
import dev.carrierhub.carriers.sandbox.SandboxSignature;
import dev.carrierhub.tracking.config.TrackingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** The sandbox carrier's callbacks: Stripe-style {@code X-Sandbox-Signature}, EasyPost-like JSON. */
@ApplicationScoped
public class SandboxCallbacks implements CarrierCallbacks {
    private final CarrierRegistry registry;
    private final TrackingConfig config;
    private final SandboxResponseMapper mapper = new SandboxResponseMapper();

    public SandboxCallbacks(CarrierRegistry registry, TrackingConfig config) {
        this.registry = registry;
        this.config = config;
    }

    @Override
    public String carrier() {
        return SandboxConnector.CARRIER;
    }

    @Override
    public Verdict verify(Function<String, String> header, byte[] rawBody, Instant now) {
        Optional<String> secret = registry.account(carrier()).flatMap(CarrierAccountsConfig.Account::webhookSecret)
                .filter(s -> !s.isEmpty());
        if (secret.isEmpty()) {
            return Verdict.NOT_CONFIGURED;
        }
        return switch (SandboxSignature.verify(secret.get(), header.apply(SandboxSignature.HEADER), rawBody, now,
                config.signatureTolerance())) {
            case VALID -> Verdict.VALID;
            case MALFORMED_HEADER -> Verdict.MISSING_OR_MALFORMED;
            case OUTSIDE_TOLERANCE -> Verdict.OUTSIDE_TOLERANCE;
            case MISMATCH -> Verdict.MISMATCH;
        };
    }

    @Override
    public TrackingEvent parse(byte[] rawBody) {
        return mapper.toTrackingEvent(rawBody);
    }
}
