package dev.carrierhub.carriers.resilience;

import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** An account that configures no limit at all; tests override what they set. */
class ResilienceConfigStub implements ResilienceConfig {

    /** Any shipment: the limits never look inside it. */
    static Shipment shipment() {
        Address address = new Address("A", null, "Street 1", null, "Berlin", "10115", null, "DE", null, null, false);
        return new Shipment("s-1", new OdooPickingRef("acme", 1, "WH/OUT/1", null), address, address,
                List.of(new Parcel("P1", new Weight(BigDecimal.ONE, WeightUnit.KG), null, null)), null,
                ServiceLevel.STANDARD, List.of(), false, null);
    }

    @Override
    public Optional<Integer> rateLimitRequests() {
        return Optional.empty();
    }

    @Override
    public Optional<Duration> rateLimitPer() {
        return Optional.empty();
    }

    @Override
    public Optional<Integer> breakerFailureThreshold() {
        return Optional.empty();
    }

    @Override
    public Optional<Double> breakerFailureRatio() {
        return Optional.empty();
    }

    @Override
    public Optional<Integer> breakerWindow() {
        return Optional.empty();
    }

    @Override
    public Optional<Duration> breakerOpenDuration() {
        return Optional.empty();
    }

    @Override
    public Optional<Integer> breakerHalfOpenProbes() {
        return Optional.empty();
    }

    @Override
    public Optional<Integer> bulkheadMaxConcurrent() {
        return Optional.empty();
    }

    @Override
    public Optional<Duration> callTimeout() {
        return Optional.empty();
    }
}
