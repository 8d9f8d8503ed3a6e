package dev.carrierhub.tracking.callback;

import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.shipengine.ShipEngineJwks;
import dev.carrierhub.carriers.shipengine.ShipEngineKeys;
import dev.carrierhub.carriers.shipengine.ShipEngineWebhookMapper;
import dev.carrierhub.carriers.shipengine.ShipEngineWebhookSignature;
import dev.carrierhub.tracking.config.TrackingConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * ShipEngine's webhooks: an RSA signature over {@code <timestamp>.<body>}, checked with the key ShipEngine
 * publishes under the callback's key id (fetched and cached by {@link ShipEngineJwks}). Taken only when
 * {@code carrierhub.tracking.shipengine.enabled} is set.
 */
@ApplicationScoped
public class ShipEngineCallbacks implements CarrierCallbacks {
    private final TrackingConfig config;
    private final ShipEngineKeys keys;

    public ShipEngineCallbacks(TrackingConfig config) {
        this.config = config;
        TrackingConfig.ShipEngine shipengine = config.shipengine();
        this.keys = shipengine.enabled() ? new ShipEngineJwks(shipengine.jwksUrl(), shipengine.jwksRefreshInterval(),
                shipengine.jwksMaxAge(), shipengine.jwksTimeout()) : null;
    }

    @Override
    public String carrier() {
        return ShipEngineWebhookMapper.CARRIER;
    }

    @Override
    public Uni<Verdict> verify(Function<String, String> header, byte[] rawBody, Instant now) {
        if (keys == null) {
            return Uni.createFrom().item(Verdict.NOT_CONFIGURED);
        }
        String keyId = header.apply(ShipEngineWebhookSignature.KEY_ID_HEADER);
        String signature = header.apply(ShipEngineWebhookSignature.SIGNATURE_HEADER);
        String timestamp = header.apply(ShipEngineWebhookSignature.TIMESTAMP_HEADER);
        return Uni.createFrom().completionStage(() -> ShipEngineWebhookSignature.verify(keys, keyId, signature, timestamp,
                rawBody, now, config.signatureTolerance())).map(Verdict::of);
    }

    @Override
    public Optional<TrackingEvent> parse(byte[] rawBody) {
        return ShipEngineWebhookMapper.toTrackingEvent(rawBody);
    }
}
