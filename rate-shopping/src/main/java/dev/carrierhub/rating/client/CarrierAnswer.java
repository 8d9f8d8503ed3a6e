package dev.carrierhub.rating.client;

import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.carriers.resilience.CallRejectedException;
import dev.carrierhub.carriers.resilience.CallTimeoutException;
import dev.carrierhub.contracts.events.Quote;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** What one carrier answered to a rate request: its quotes, or why it gave none (or was not asked). */
// Written with Jackson's ObjectMapper: registered so native executables can serialise it too.
@RegisterForReflection
public record CarrierAnswer(String carrier, Outcome outcome, List<Quote> quotes, String detail) {
    public CarrierAnswer {
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
    }

    static CarrierAnswer of(String carrier, RateResult result) {
        return result.quotes().isEmpty()
                ? new CarrierAnswer(carrier, Outcome.NO_QUOTES, List.of(), "answered without quotes")
                : new CarrierAnswer(carrier, Outcome.QUOTED, result.quotes(), null);
    }

    /** A carrier the rules keep away from this shipment: it is not asked. */
    public static CarrierAnswer excluded(String carrier, String reason) {
        return new CarrierAnswer(carrier, Outcome.EXCLUDED, List.of(), reason);
    }

    static CarrierAnswer late(String carrier, Duration deadline) {
        return new CarrierAnswer(carrier, Outcome.TIMEOUT, List.of(),
                "no answer within the rating deadline of " + deadline.toMillis() + " ms; a later answer is dropped");
    }

    static CarrierAnswer failed(String carrier, Throwable failure) {
        if (failure instanceof io.smallrye.mutiny.TimeoutException) {
            return new CarrierAnswer(carrier, Outcome.TIMEOUT, List.of(), "did not answer in time");
        }
        return CarrierException.find(failure)
                .map(e -> new CarrierAnswer(carrier, outcomeOf(e), List.of(), e.getMessage()))
                .orElseGet(() -> new CarrierAnswer(carrier, Outcome.ERROR, List.of(), failure.toString()));
    }

    private static Outcome outcomeOf(CarrierException e) {
        if (e instanceof CallRejectedException rejected) {
            return switch (rejected.reason()) {
                case CIRCUIT_OPEN -> Outcome.CIRCUIT_OPEN;
                case BULKHEAD_FULL -> Outcome.BULKHEAD_FULL;
                case RATE_LIMIT -> Outcome.THROTTLED;
            };
        }
        if (e instanceof CallTimeoutException) {
            return Outcome.TIMEOUT;
        }
        return switch (e.kind()) {
            case TRANSIENT -> Outcome.TRANSIENT;
            case RATE_LIMITED -> Outcome.RATE_LIMITED;
            case UNAVAILABLE -> Outcome.UNAVAILABLE;
            case INVALID_REQUEST -> Outcome.INVALID_REQUEST;
            case AUTH_FAILED -> Outcome.AUTH_FAILED;
        };
    }

    /** Whether asking again later might give quotes without anyone changing anything. */
    public boolean retryable() {
        return outcome.retryable;
    }

    /** "sandbox (unavailable: sandbox answered 503)", for messages a person reads. */
    public String describe() {
        return outcome == Outcome.QUOTED ? carrier + " (" + quotes.size() + " quotes)"
                : carrier + " (" + outcome.tag() + (detail == null ? "" : ": " + detail) + ")";
    }

    /**
     * How a rate request to one carrier ended; the metric and audit tag is the lower-case name.
     * {@code CIRCUIT_OPEN}, {@code BULKHEAD_FULL} and {@code THROTTLED} are the account's own limits refusing
     * the call before it reached the carrier; {@code EXCLUDED} means the carrier was not asked at all.
     */
    public enum Outcome {
        QUOTED(false), NO_QUOTES(false), EXCLUDED(false), TIMEOUT(true), TRANSIENT(true), RATE_LIMITED(true),
        UNAVAILABLE(true), INVALID_REQUEST(false), AUTH_FAILED(false), CIRCUIT_OPEN(true), BULKHEAD_FULL(true),
        THROTTLED(true), ERROR(true);

        private final boolean retryable;

        Outcome(boolean retryable) {
            this.retryable = retryable;
        }

        public String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
