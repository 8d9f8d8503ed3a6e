package dev.carrierhub.intake.validation;

import dev.carrierhub.contracts.shipment.Shipment;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of validating one shipment: the shipment with its data tidied (E.164 phones, upper-case
 * postal codes) and every violation found, errors first in rule order (addresses, phones, parcels,
 * declared value, customs, dangerous goods).
 */
public record ValidationResult(Shipment shipment, List<Violation> violations) {
    public ValidationResult {
        violations = List.copyOf(violations);
    }

    public boolean isValid() {
        return errors().isEmpty();
    }

    public List<Violation> errors() {
        return violations.stream().filter(Violation::isError).toList();
    }

    public List<Violation> warnings() {
        return violations.stream().filter(v -> !v.isError()).toList();
    }

    /** The first error's code: rules run in order of importance, so it is the one to route on. */
    public String reasonCode() {
        List<Violation> errors = errors();
        return errors.isEmpty() ? null : errors.get(0).code();
    }

    /**
     * Every error in one text, in a stable format a person can read and a program can parse:
     * a first line {@code Picking <name> failed <n> validation rule(s):}, then one line per error,
     * {@code - [<code>] <field>: <sentence>}.
     */
    public String message() {
        List<Violation> errors = errors();
        String header = "Picking " + shipment.picking().pickingName() + " failed " + errors.size() + " validation "
                + (errors.size() == 1 ? "rule" : "rules") + ":";
        return errors.stream().map(v -> "- [" + v.code() + "] " + v.field() + ": " + v.message())
                .collect(Collectors.joining("\n", header + "\n", ""));
    }
}
