package dev.carrierhub.core.inbox;

/** An event that can never be processed as it is: retrying will not help, dead-lettering will. */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
