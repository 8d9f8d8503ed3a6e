package dev.carrierhub.tracking.callback;

import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.easypost.EasyPostConnector;
import dev.carrierhub.carriers.easypost.EasyPostWebhookMapper;
import dev.carrierhub.carriers.easypost.EasyPostWebhookSignature;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** EasyPost's webhook events: {@code X-Hmac-Signature} (HMAC-SHA256 under the NFKD secret), no timestamp. */
@ApplicationScoped
public class EasyPostCallbacks implements CarrierCallbacks {
    private final CallbackSecrets secrets;

    public EasyPostCallbacks(CallbackSecrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public String carrier() {
        return EasyPostConnector.CARRIER;
    }

    @Override
    public Uni<Verdict> verify(Function<String, String> header, byte[] rawBody, Instant now) {
        return secrets.check(carrier(), secret ->
                EasyPostWebhookSignature.verify(secret, header.apply(EasyPostWebhookSignature.HEADER), rawBody));
    }

    @Override
    public Optional<TrackingEvent> parse(byte[] rawBody) {
        return EasyPostWebhookMapper.toTrackingEvent(rawBody);
    }
}
