package dev.carrierhub.tracking.callback;

import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.shippo.ShippoConnector;
import dev.carrierhub.carriers.shippo.ShippoWebhookMapper;
import dev.carrierhub.carriers.shippo.ShippoWebhookSignature;
import dev.carrierhub.tracking.config.TrackingConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** Shippo's webhooks: {@code Shippo-Auth-Signature: t=…,v1=…} over {@code t.body}, within the replay window. */
@ApplicationScoped
public class ShippoCallbacks implements CarrierCallbacks {
    private final CallbackSecrets secrets;
    private final TrackingConfig config;

    public ShippoCallbacks(CallbackSecrets secrets, TrackingConfig config) {
        this.secrets = secrets;
        this.config = config;
    }

    @Override
    public String carrier() {
        return ShippoConnector.CARRIER;
    }

    @Override
    public Uni<Verdict> verify(Function<String, String> header, byte[] rawBody, Instant now) {
        return secrets.check(carrier(), secret -> ShippoWebhookSignature.verify(secret,
                header.apply(ShippoWebhookSignature.HEADER), rawBody, now, config.signatureTolerance()));
    }

    @Override
    public Optional<TrackingEvent> parse(byte[] rawBody) {
        return ShippoWebhookMapper.toTrackingEvent(rawBody);
    }
}
