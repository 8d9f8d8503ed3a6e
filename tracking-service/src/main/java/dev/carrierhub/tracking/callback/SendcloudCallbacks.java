package dev.carrierhub.tracking.callback;

import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.sendcloud.SendcloudConnector;
import dev.carrierhub.carriers.sendcloud.SendcloudWebhookMapper;
import dev.carrierhub.carriers.sendcloud.SendcloudWebhookSignature;
import dev.carrierhub.tracking.config.TrackingConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** Sendcloud's integration webhooks: {@code Sendcloud-Signature} over the body, whose {@code timestamp} is the replay window. */
@ApplicationScoped
public class SendcloudCallbacks implements CarrierCallbacks {
    private final CallbackSecrets secrets;
    private final TrackingConfig config;

    public SendcloudCallbacks(CallbackSecrets secrets, TrackingConfig config) {
        this.secrets = secrets;
        this.config = config;
    }

    @Override
    public String carrier() {
        return SendcloudConnector.CARRIER;
    }

    @Override
    public Uni<Verdict> verify(Function<String, String> header, byte[] rawBody, Instant now) {
        return secrets.check(carrier(), secret -> SendcloudWebhookSignature.verify(secret,
                header.apply(SendcloudWebhookSignature.HEADER), rawBody, now, config.signatureTolerance()));
    }

    @Override
    public Optional<TrackingEvent> parse(byte[] rawBody) {
        return SendcloudWebhookMapper.toTrackingEvent(rawBody);
    }
}
