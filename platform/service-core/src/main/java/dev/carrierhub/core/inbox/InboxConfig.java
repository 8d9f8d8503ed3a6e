package dev.carrierhub.core.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How consumers ride out a database or network failure that passes by itself. */
@ConfigMapping(prefix = "carrierhub.inbox.transient-retry")
public interface InboxConfig {

    /** The first pause before trying an event again; each further pause doubles, up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("5s")
    Duration maxBackoff();

    /**
     * How long one attempt may take before it counts as failed for a passing reason. Far above any healthy
     * transaction of a consumer (milliseconds), below the budget so that a hung attempt is tried again.
     */
    @WithDefault("15s")
    Duration attemptTimeout();

    /**
     * How long one event is tried again before it goes to the dead-letter topic after all. Below the Kafka
     * connector's limit for a record left unprocessed (60 s), past which it stops the whole channel.
     */
    @WithDefault("40s")
    Duration budget();
}
