package dev.carrierhub.label.service;

import dev.carrierhub.core.deadletter.DeadLetters;
import dev.carrierhub.core.tracing.TracedWork;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Sets the gauge of dead letters never replayed from the table, which sees every replica's work. */
@ApplicationScoped
public class DeadLetterCount {
    private static final Logger LOG = Logger.getLogger(DeadLetterCount.class);

    private final DeadLetters deadLetters;
    private final TracedWork tracedWork;

    public DeadLetterCount(DeadLetters deadLetters, TracedWork tracedWork) {
        this.deadLetters = deadLetters;
        this.tracedWork = tracedWork;
    }

    @Scheduled(every = "30s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> count() {
        return tracedWork.runUntraced(deadLetters::countNotReplayed)
                .onFailure().invoke(e -> LOG.debugf("dead letters could not be counted: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
