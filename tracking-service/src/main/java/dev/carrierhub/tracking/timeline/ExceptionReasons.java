package dev.carrierhub.tracking.timeline;

import dev.carrierhub.contracts.events.Milestone;
import java.util.List;
import java.util.Locale;

/**
 * The reason code of a tracking exception, specific enough for order-intake to give the activity to the
 * right person: a customs hold to the warehouse (the papers come from the shipper), an undeliverable
 * address to customer service ({@code address.*}), and so on. Carriers describe exceptions in free text
 * with their own codes, so the words of the carrier's status and description decide; a reason that is
 * not recognised stays the plain milestone.
 */
public final class ExceptionReasons {
    /** In order: the first rule whose words appear in the carrier's status or description wins. */
    private static final List<Rule> RULES = List.of(
            new Rule("exception.customs-hold", "customs", "clearance", "duty", "duties", "import tax"),
            new Rule("exception.damaged", "damage", "broken"),
            new Rule("address.undeliverable", "address", "undeliverable", "no such", "unknown recipient",
                    "incorrect recipient", "moved"),
            new Rule("exception.refused", "refused", "rejected by recipient", "declined"),
            new Rule("exception.lost", "lost", "missing", "cannot be located", "not found"),
            new Rule("exception.weather-delay", "weather", "natural disaster"));

    private ExceptionReasons() {
    }

    /**
     * The reason code of an exception milestone: {@code delivery_attempted} and {@code returned_to_sender}
     * as they are; {@code exception} refined by the carrier's words where one of the rules matches.
     */
    public static String of(Milestone milestone, String carrierStatus, String description) {
        String plain = milestone.name().toLowerCase(Locale.ROOT);
        if (milestone != Milestone.EXCEPTION) {
            return plain;
        }
        String words = ((carrierStatus == null ? "" : carrierStatus) + " " + (description == null ? "" : description))
                .toLowerCase(Locale.ROOT).replace('_', ' ');
        return RULES.stream().filter(rule -> rule.matches(words)).map(Rule::reason).findFirst().orElse(plain);
    }

    private record Rule(String reason, String... words) {
        boolean matches(String text) {
            for (String word : words) {
                if (text.contains(word)) {
                    return true;
                }
            }
            return false;
        }
    }
}
