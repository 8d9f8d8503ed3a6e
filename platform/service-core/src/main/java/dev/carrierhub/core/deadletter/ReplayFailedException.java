package dev.carrierhub.core.deadletter;

/** Kafka did not take a replayed record; nothing was recorded, so the replay can simply be asked again. */
public class ReplayFailedException extends RuntimeException {
    public ReplayFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
