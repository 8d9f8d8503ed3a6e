package dev.carrierhub.odoo.onboarding;

import java.util.List;

/**
 * What onboarding found and did: the Odoo version, the integration user, and each rule's outcome.
 * Warnings are things an operator should act on that did not stop onboarding.
 */
public record OnboardingReport(String serverVersion, int majorVersion, long userId, List<RuleOutcome> rules,
        List<String> warnings) {
    public OnboardingReport {
        rules = List.copyOf(rules);
        warnings = List.copyOf(warnings);
    }
}
