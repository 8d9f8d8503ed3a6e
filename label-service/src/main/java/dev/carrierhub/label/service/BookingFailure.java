package dev.carrierhub.label.service;

import dev.carrierhub.carriers.CarrierException;
import java.time.Duration;
import java.util.Set;

/**
 * Why a booking attempt failed and whether another attempt may succeed.
 *
 * @param kind       the metric tag and, for a permanent failure, the exception's reason code
 * @param retryable  true when the same call may succeed later without anyone changing anything
 * @param message    for people: the carrier's own words where it gave any
 * @param retryAfter the wait the carrier asked for, or null
 */
public record BookingFailure(String kind, boolean retryable, String message, Duration retryAfter) {
    /** The reason code of the {@code shipment.exception} a retryable failure ends in once attempts run out. */
    public static final String GAVE_UP = "carrier-unavailable";

    public static BookingFailure permanent(String kind, String message) {
        return new BookingFailure(kind, false, message, null);
    }

    /** Failures after which the carrier certainly did not book: the request never arrived, or was refused. */
    private static final Set<String> NOTHING_BOOKED = Set.of(
            "unavailable", "rate-limited", "invalid-request", "auth-failed", "carrier-not-configured");

    /** The carrier is down (unreachable, 503, or its circuit is open): fall back or defer, do not hammer it. */
    public boolean carrierDown() {
        return kind.equals("unavailable");
    }

    /**
     * Whether the call that failed so may still have booked: a timeout or a 5xx says nothing about what the
     * carrier did with the request. Such a booking is looked up before it moves to another carrier.
     */
    public boolean mayHaveBooked() {
        return !NOTHING_BOOKED.contains(kind);
    }

    /** The reason code of the {@code shipment.exception} this failure ends the booking with. */
    public String reasonCode() {
        return retryable ? GAVE_UP : kind;
    }

    /** Sorts a failed call into retry-later or give-up, by what the carrier (or the clock) said. */
    public static BookingFailure classify(Throwable failure) {
        if (failure instanceof io.smallrye.mutiny.TimeoutException) {
            return new BookingFailure("timeout", true,
                    "the carrier did not answer in time; the booking is looked up before it is asked again", null);
        }
        CarrierException carrier = CarrierException.find(failure).orElse(null);
        if (carrier != null) {
            return switch (carrier.kind()) {
                case TRANSIENT -> new BookingFailure("transient", true, carrier.getMessage(), null);
                case UNAVAILABLE -> new BookingFailure("unavailable", true, carrier.getMessage(), null);
                case RATE_LIMITED -> new BookingFailure("rate-limited", true, carrier.getMessage(),
                        carrier.retryAfter().orElse(null));
                case INVALID_REQUEST -> permanent("invalid-request", carriersWords(carrier));
                case AUTH_FAILED -> permanent("auth-failed", carriersWords(carrier));
            };
        }
        if (failure instanceof IllegalArgumentException) {
            // The connector could not even build the request from this shipment: retrying changes nothing.
            return permanent("invalid-request", failure.getMessage());
        }
        return new BookingFailure("error", true, failure.toString(), null);
    }

    private static String carriersWords(CarrierException e) {
        return e.carrierMessage()
                .map(text -> e.carrierField().map(field -> text + " (field " + field + ")").orElse(text))
                .orElse(e.getMessage());
    }
}
