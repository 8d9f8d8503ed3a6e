package dev.carrierhub.core.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the relay has failed to reach Kafka or the database for longer than a minute. */
@Readiness
@ApplicationScoped
public class OutboxRelayHealthCheck implements HealthCheck {
    private static final Duration STALE_AFTER = Duration.ofMinutes(1);
    private final OutboxRelay relay;

    public OutboxRelayHealthCheck(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        long idleMillis = relay.millisSinceLastSuccess();
        boolean healthy = relay.lastFailure() == null || idleMillis < STALE_AFTER.toMillis();
        var response = HealthCheckResponse.named("outbox-relay")
                .status(healthy)
                .withData("millisSinceLastSuccess", idleMillis);
        if (relay.lastFailure() != null) {
            response.withData("lastFailure", relay.lastFailure().getClass().getSimpleName());
        }
        return response.build();
    }
}
