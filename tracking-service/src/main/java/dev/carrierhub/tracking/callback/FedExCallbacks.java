package dev.carrierhub.tracking.callback;

import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.fedex.FedExWebhookMapper;
import dev.carrierhub.carriers.fedex.FedExWebhookSignature;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * FedEx tracking webhooks: {@code fdx-signature} (Base64 HMAC-SHA256 under the project's security token). FedEx
 * has no booking account here, so the token is {@code carrierhub.tracking.callbacks.fedex.secret}.
 */
@ApplicationScoped
public class FedExCallbacks implements CarrierCallbacks {
    private final CallbackSecrets secrets;

    public FedExCallbacks(CallbackSecrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public String carrier() {
        return FedExWebhookMapper.CARRIER;
    }

    @Override
    public Uni<Verdict> verify(Function<String, String> header, byte[] rawBody, Instant now) {
        return secrets.check(carrier(), token ->
                FedExWebhookSignature.verify(token, header.apply(FedExWebhookSignature.HEADER), rawBody));
    }

    @Override
    public Optional<TrackingEvent> parse(byte[] rawBody) {
        return Optional.of(FedExWebhookMapper.toTrackingEvent(rawBody));
    }
}
