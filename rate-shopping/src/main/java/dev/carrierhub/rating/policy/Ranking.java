package dev.carrierhub.rating.policy;

import dev.carrierhub.contracts.events.Quote;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Objects;

/**
 * What a policy made of the quotes: the eligible ones ranked best first, the ones it would not take and
 * why, and a sentence a person can read about the choice (or about why there is none).
 */
public record Ranking(List<Quote> ranked, List<RejectedQuote> rejected, String reason) {
    public Ranking {
        ranked = List.copyOf(ranked);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
        Objects.requireNonNull(reason, "reason");
    }

    /** "sandbox SBX_ECONOMY at 6.90 EUR, 5 days". */
    public static String describe(Quote quote) {
        return quote.carrier() + " " + quote.serviceCode() + " at " + quote.price().amount().toPlainString() + " "
                + quote.price().currency() + (quote.transitDays() == null ? ""
                : ", " + quote.transitDays() + (quote.transitDays() == 1 ? " day" : " days"));
    }

    /** A quote a policy would not take, with the reason. */
    // Written with Jackson's ObjectMapper: registered so native executables can serialise it too.
    @RegisterForReflection
    public record RejectedQuote(Quote quote, String reason) {
    }
}
