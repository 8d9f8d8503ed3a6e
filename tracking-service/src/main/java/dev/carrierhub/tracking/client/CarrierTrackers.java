package dev.carrierhub.tracking.client;

import dev.carrierhub.carriers.CarrierConnector;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.carriers.registry.CarrierAccountsConfig;
import dev.carrierhub.carriers.registry.CarrierRegistry;
import dev.carrierhub.core.client.OutboundCalls;
import dev.carrierhub.core.tracing.SpanAttributes;
import dev.carrierhub.tracking.config.TrackingConfig;
import io.opentelemetry.api.common.Attributes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Subscribes tracking numbers with their carrier, or looks them up, through the connector SPI. */
@ApplicationScoped
public class CarrierTrackers {
    private static final Duration FALLBACK_TIMEOUT = Duration.ofSeconds(10);
    private final CarrierRegistry registry;
    private final OutboundCalls calls;

    private final TrackingConfig.Polling polling;

    public CarrierTrackers(CarrierRegistry registry, OutboundCalls calls, TrackingConfig config) {
        this.registry = registry;
        this.calls = calls;
        this.polling = config.polling();
    }

    /**
     * Whether trackers of {@code carrier} are polled rather than pushed: polling is on, the carrier answers
     * look-ups, and it either does not push or is listed in {@code carrierhub.tracking.polling.carriers}.
     */
    public boolean polled(String carrier) {
        if (!polling.enabled()) {
            return false;
        }
        return registry.forCarrier(carrier).map(c -> c.capabilities().track() && (!c.capabilities().trackerPush()
                || polling.carriers().map(listed -> listed.contains(carrier)).orElse(false))).orElse(false);
    }

    /** Looks one tracking number up; fails with a CarrierException. */
    public Uni<TrackingResult> track(String carrier, String trackingNumber) {
        Optional<CarrierConnector> connector = registry.forCarrier(carrier);
        if (connector.isEmpty()) {
            return Uni.createFrom().failure(new CarrierException(CarrierErrorKind.INVALID_REQUEST,
                    "no account for carrier " + carrier + " is configured"));
        }
        Duration timeout = registry.account(carrier).map(CarrierAccountsConfig.Account::timeout).orElse(FALLBACK_TIMEOUT);
        return calls.call(carrier + " track", Attributes.of(SpanAttributes.CARRIER, carrier), timeout,
                () -> connector.get().track(trackingNumber));
    }

    /** Whether an account for {@code carrier} is configured and its carrier pushes callbacks. */
    public boolean pushes(String carrier) {
        return registry.forCarrier(carrier).map(c -> c.capabilities().trackerPush()).orElse(false);
    }

    /** Asks the carrier to push this tracking number's events to {@code callbackUrl}; fails with a CarrierException. */
    public Uni<Void> register(String carrier, String trackingNumber, URI callbackUrl) {
        Optional<CarrierConnector> connector = registry.forCarrier(carrier);
        if (connector.isEmpty()) {
            return Uni.createFrom().failure(new CarrierException(CarrierErrorKind.INVALID_REQUEST,
                    "no account for carrier " + carrier + " is configured"));
        }
        Duration timeout = registry.account(carrier).map(CarrierAccountsConfig.Account::timeout).orElse(FALLBACK_TIMEOUT);
        return calls.call(carrier + " register tracker", Attributes.of(SpanAttributes.CARRIER, carrier), timeout,
                () -> connector.get().registerTracker(trackingNumber, callbackUrl)).replaceWithVoid();
    }
}
