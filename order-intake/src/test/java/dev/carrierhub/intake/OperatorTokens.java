package dev.carrierhub.intake;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Operator JWTs signed with the test key pair (see application.properties, %test.smallrye.jwt.sign.key.location). */
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
