package dev.carrierhub.testsupport;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Operator JWTs for tests, signed with the key at the service's {@code %test.smallrye.jwt.sign.key.location}
 * (a throwaway pair under src/test/resources/operator-jwt); the service verifies them with its public half.
 */
public final class OperatorTokens {
    public static final String ISSUER = "https://carrierhub.test/operators";

    private OperatorTokens() {
    }

    /** An operator who reaches every tenant. */
    public static String operator() {
        return token("ops@carrierhub.test", Set.of("operator"), null);
    }

    /** A token with these roles; {@code tenants} null reaches every tenant, else only those named. */
    public static String token(String user, Set<String> groups, List<String> tenants) {
        var builder = Jwt.issuer(ISSUER).upn(user).groups(groups).expiresIn(Duration.ofMinutes(5));
        if (tenants != null) {
            builder.claim("tenants", tenants);
        }
        return builder.sign();
    }
}
