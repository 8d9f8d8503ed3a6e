package dev.carrierhub.rating.client;

import dev.carrierhub.carriers.CarrierConnector;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.core.client.OutboundCalls;
import dev.carrierhub.core.tracing.SpanAttributes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.common.Attributes;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Asks carriers for quotes, all at once, under one deadline for the whole round. A carrier that fails or
 * answers after the deadline is left out (its late answer is dropped) and counted; it never fails the round.
 * Each carrier's own limits (rate limit, breaker, bulkhead, call timeout) are applied by its connector,
 * which the carrier registry wraps in them.
 */
@ApplicationScoped
public class CarrierQuoter {
    private final OutboundCalls calls;
    private final MeterRegistry meters;

    public CarrierQuoter(OutboundCalls calls, MeterRegistry meters) {
        this.calls = calls;
        this.meters = meters;
    }

    /** One answer per connector that rates, in the order given; all of them by {@code deadline} at the latest. */
    public Uni<List<CarrierAnswer>> quote(Shipment shipment, Collection<CarrierConnector> connectors,
            Duration deadline) {
        List<Uni<CarrierAnswer>> asks = connectors.stream()
                .filter(connector -> connector.capabilities().rate())
                .map(connector -> ask(shipment, connector, deadline))
                .toList();
        if (asks.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.combine().all().unis(asks).with(answers -> answers.stream().map(CarrierAnswer.class::cast).toList());
    }

    private Uni<CarrierAnswer> ask(Shipment shipment, CarrierConnector connector, Duration deadline) {
        return Uni.createFrom().deferred(() -> {
            Timer.Sample sample = Timer.start(meters);
            // Every ask starts now, so the same deadline for each is one deadline for the whole round.
            return calls.call(connector.carrier() + " rate", carrierCall(connector, shipment.shipmentId()), deadline,
                            () -> connector.rate(shipment))
                    .map(result -> CarrierAnswer.of(connector.carrier(), result))
                    .onFailure().recoverWithItem(failure -> failure instanceof TimeoutException
                            ? CarrierAnswer.late(connector.carrier(), deadline)
                            : CarrierAnswer.failed(connector.carrier(), failure))
                    .invoke(answer -> count(answer, sample));
        });
    }

    private void count(CarrierAnswer answer, Timer.Sample sample) {
        String outcome = answer.outcome().tag();
        meters.counter("carrierhub.rating.quotes", "carrier", answer.carrier(), "outcome", outcome).increment();
        sample.stop(meters.timer("carrierhub.rating.quote.duration", "carrier", answer.carrier(), "outcome", outcome));
    }

    private static Attributes carrierCall(CarrierConnector connector, String shipmentId) {
        return Attributes.of(SpanAttributes.CARRIER, connector.carrier(), SpanAttributes.SHIPMENT_ID, shipmentId);
    }
}
