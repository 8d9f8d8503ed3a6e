package dev.carrierhub.odoo.onboarding;

/** Onboarding cannot go on: the Odoo is too old, or lacks what the rules need (a model, a state, a permission). */
public class OdooOnboardingException extends RuntimeException {
    public OdooOnboardingException(String message) {
        super(message);
    }
}
