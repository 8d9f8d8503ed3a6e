package dev.carrierhub.odoo.onboarding;

import java.util.List;

/**
 * What onboarding did to one rule: created it, updated it (and what changed), or found it as wanted.
 *
 * @param changes for UPDATED, what was changed; for any outcome, fields this Odoo does not have
 */
public record RuleOutcome(String name, Outcome outcome, long ruleId, List<String> changes) {
    public RuleOutcome {
        changes = List.copyOf(changes);
    }

    /** The three outcomes; running onboarding twice gives UNCHANGED for every rule the second time. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }
}
