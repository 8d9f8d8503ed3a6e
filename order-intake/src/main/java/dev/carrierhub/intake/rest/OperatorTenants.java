package dev.carrierhub.intake.rest;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The tenants an operator's token reaches: every tenant, unless the token names its tenants in a
 * {@code tenants} claim (the same rule as the mapping admin API).
 */
final class OperatorTenants {
    static final String CLAIM = "tenants";

    private OperatorTenants() {
    }

    /** The tenants the token names; empty when it names none, i.e. reaches them all. */
    static Optional<Set<String>> of(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt) || !jwt.containsClaim(CLAIM)) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim(CLAIM);
        Set<String> names = new LinkedHashSet<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> names.add(unquote(String.valueOf(value))));
        } else if (claim instanceof jakarta.json.JsonArray array) {
            array.forEach(value -> names.add(unquote(value.toString())));
        } else if (claim != null) {
            names.add(unquote(claim.toString()));
        }
        return Optional.of(names);
    }

    static boolean reaches(SecurityIdentity identity, String tenant) {
        return of(identity).map(names -> names.contains(tenant)).orElse(true);
    }

    static String name(SecurityIdentity identity) {
        return identity.getPrincipal() == null ? "unknown" : identity.getPrincipal().getName();
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1)
                : text;
    }
}
