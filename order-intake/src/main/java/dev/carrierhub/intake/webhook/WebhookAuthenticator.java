package dev.carrierhub.intake.webhook;

import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.intake.config.TenantsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Odoo's webhook carries no signature, so each tenant's URL holds a secret token. Tokens are compared
 * as SHA-256 digests with {@link MessageDigest#isEqual}, so the time taken reveals neither the token's
 * content nor its length.
 */
@ApplicationScoped
public class WebhookAuthenticator {
    private final TenantsConfig tenants;

    public WebhookAuthenticator(TenantsConfig tenants) {
        this.tenants = tenants;
    }

    public void authenticate(String tenant, String presentedToken) {
        byte[] expected = tenants.tenant(tenant).map(t -> digest(t.webhookToken())).orElse(digest("\0unknown-tenant"));
        byte[] presented = digest(presentedToken == null ? "" : presentedToken);
        boolean known = tenants.tenant(tenant).isPresent();
        if (!MessageDigest.isEqual(expected, presented) || !known) {
            throw new ProblemException(Status.UNAUTHORIZED, "unauthorized",
                    "The webhook token is missing or wrong for this tenant.");
        }
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
