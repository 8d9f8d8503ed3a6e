package dev.carrierhub.rating.client;

import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.contracts.events.Quote;
import java.util.List;
import java.util.Locale;

/** What one carrier answered to a rate request: its quotes, or why it gave none. */
public record CarrierAnswer(String carrier, Outcome outcome, List<Quote> quotes, String detail) {
    public CarrierAnswer {
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
    }

    static CarrierAnswer of(String carrier, RateResult result) {
        return result.quotes().isEmpty()
                ? new CarrierAnswer(carrier, Outcome.NO_QUOTES, List.of(), "answered without quotes")
                : new CarrierAnswer(carrier, Outcome.QUOTED, result.quotes(), null);
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

    /** How a rate request to one carrier ended; the metric tag is the lower-case name. */
    public enum Outcome {
        QUOTED(false), NO_QUOTES(false), TIMEOUT(true), TRANSIENT(true), RATE_LIMITED(true), UNAVAILABLE(true),
        INVALID_REQUEST(false), AUTH_FAILED(false), ERROR(true);

        private final boolean retryable;

        Outcome(boolean retryable) {
            this.retryable = retryable;
        }

        public String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
