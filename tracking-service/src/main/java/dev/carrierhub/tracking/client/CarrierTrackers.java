package dev.carrierhub.tracking.client;

import dev.carrierhub.carriers.CarrierConnector;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.registry.CarrierAccountsConfig;
import dev.carrierhub.carriers.registry.CarrierRegistry;
import dev.carrierhub.core.client.OutboundCalls;
import dev.carrierhub.core.tracing.SpanAttributes;
import io.opentelemetry.api.common.Attributes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Subscribes tracking numbers with their carrier through the connector SPI. */
@ApplicationScoped
public class CarrierTrackers {
    private static final Duration FALLBACK_TIMEOUT = Duration.ofSeconds(10);
    private final CarrierRegistry registry;
    private final OutboundCalls calls;

    public CarrierTrackers(CarrierRegistry registry, OutboundCalls calls) {
        this.registry = registry;
        this.calls = calls;
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
