package dev.carrierhub.carriers.http;

import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;

/**
 * Classifies a request that got no answer at all: an unreachable carrier is {@code UNAVAILABLE} (a
 * fallback carrier may serve), a silence or a broken connection is {@code TRANSIENT} (the carrier may
 * have acted, so a retry must look the booking up first).
 */
public final class TransportFailures {
    private TransportFailures() {
    }

    /** The exception for {@code failure}; {@code carrier} names the carrier in the message, e.g. "Shippo". */
    public static CarrierException classify(String carrier, Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CarrierException carrierException) {
            return carrierException;
        }
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
                || cause instanceof UnresolvedAddressException || cause.getCause() instanceof ConnectException) {
            return new CarrierException(CarrierErrorKind.UNAVAILABLE, carrier + " unreachable: " + describe(cause), cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new CarrierException(CarrierErrorKind.TRANSIENT, carrier + " did not answer in time", cause);
        }
        return new CarrierException(CarrierErrorKind.TRANSIENT, carrier + " call failed: " + describe(cause), cause);
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
