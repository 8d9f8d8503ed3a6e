package dev.carrierhub.intake.writeback;

/** A write that cannot be made as planned (a payload it cannot send, a missing activity type): FAILED at once. */
public class WriteBackRejected extends RuntimeException {
    public WriteBackRejected(String message) {
        super(message);
    }
}
