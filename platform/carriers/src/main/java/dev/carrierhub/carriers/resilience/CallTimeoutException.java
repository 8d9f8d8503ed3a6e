package dev.carrierhub.carriers.resilience;

import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;

/**
 * A call that did not answer within the account's call timeout. Kind {@code TRANSIENT}: the carrier may
 * still act on it (a booking made that we never saw is what {@code findBooking} is for).
 */
public final class CallTimeoutException extends CarrierException {
    private static final long serialVersionUID = 1L;

    public CallTimeoutException(String message) {
        super(CarrierErrorKind.TRANSIENT, message);
    }
}
