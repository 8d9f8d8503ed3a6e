package dev.carrierhub.tracking.callback;

import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.ups.UpsConnector;
import dev.carrierhub.carriers.ups.UpsTrackAlertCredential;
import dev.carrierhub.carriers.ups.UpsTrackAlertMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * UPS Track Alert pushes (v1 destinations): no signature, the subscription's {@code credential} header, compared
 * with the account's webhook secret in constant time.
 */
@ApplicationScoped
public class UpsCallbacks implements CarrierCallbacks {
    private final CallbackSecrets secrets;

    public UpsCallbacks(CallbackSecrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public String carrier() {
        return UpsConnector.CARRIER;
    }

    @Override
    public Uni<Verdict> verify(Function<String, String> header, byte[] rawBody, Instant now) {
        return secrets.check(carrier(), credential ->
                UpsTrackAlertCredential.verify(credential, header.apply(UpsTrackAlertCredential.HEADER)));
    }

    @Override
    public Optional<TrackingEvent> parse(byte[] rawBody) {
        return Optional.of(UpsTrackAlertMapper.toTrackingEvent(rawBody));
    }
}
