package dev.carrierhub.carriers;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** A carrier call that failed, classified by {@link CarrierErrorKind}, with what the carrier said about it. */
public class CarrierException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final CarrierErrorKind kind;
    private final transient Duration retryAfter;
    private final String carrierField;
    private final String carrierMessage;

    public CarrierException(CarrierErrorKind kind, String message) {
        this(kind, message, null, null, null, null);
    }

    public CarrierException(CarrierErrorKind kind, String message, Throwable cause) {
        this(kind, message, null, null, null, cause);
    }

    /**
     * @param retryAfter     how long the carrier asked us to wait, or null
     * @param carrierField   the request field the carrier blamed (e.g. {@code ship_to.postal_code}), or null
     * @param carrierMessage the carrier's own words, or null
     */
    public CarrierException(
            CarrierErrorKind kind,
            String message,
            Duration retryAfter,
            String carrierField,
            String carrierMessage,
            Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryAfter = retryAfter;
        this.carrierField = carrierField;
        this.carrierMessage = carrierMessage;
    }

    public CarrierErrorKind kind() {
        return kind;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Optional<String> carrierField() {
        return Optional.ofNullable(carrierField);
    }

    public Optional<String> carrierMessage() {
        return Optional.ofNullable(carrierMessage);
    }

    /** The carrier exception behind a failure, looking through the wrappers that completion stages add. */
    public static Optional<CarrierException> find(Throwable failure) {
        // Bounded, because a cause chain may loop back on itself.
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if (t instanceof CarrierException carrierException) {
                return Optional.of(carrierException);
            }
        }
        return Optional.empty();
    }
}
