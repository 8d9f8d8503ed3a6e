package dev.carrierhub.core.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outbox relay and of the events it publishes. */
@ConfigMapping(prefix = "carrierhub.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of every event this service publishes. */
    @WithDefault("/carrierhub/${quarkus.application.name}")
    String source();

    /** How often the relay looks for unpublished events it was not told about (crash recovery, other replicas). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Most events published in one relay transaction. */
    @WithDefault("200")
    int batchSize();

    /** Longest time to wait for the broker to acknowledge a batch before it is retried. */
    @WithDefault("30s")
    Duration sendTimeout();
}
