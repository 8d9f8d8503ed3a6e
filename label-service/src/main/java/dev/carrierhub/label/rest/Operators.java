package dev.carrierhub.label.rest;

import io.quarkus.security.identity.SecurityIdentity;

/** Who an operator call came from, for the audit trail. */
final class Operators {
    private Operators() {
    }

    static String name(SecurityIdentity identity) {
        return identity.getPrincipal() == null ? "an operator" : "operator " + identity.getPrincipal().getName();
    }
}
