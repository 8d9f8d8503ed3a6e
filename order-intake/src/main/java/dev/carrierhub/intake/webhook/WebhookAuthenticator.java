package dev.carrierhub.intake.webhook;

import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.intake.config.TenantsConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Decides whether a webhook really comes from the tenant in its URL: the secret token (Odoo's webhook
 * carries no signature, so the URL holds one), then the tenant's optional source allow-list, then the
 * optional HMAC a signing proxy adds. The token goes first so that a caller without it learns nothing,
 * not even whether the tenant exists or has an allow-list. Tokens are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so the time taken reveals neither their content nor their length.
 *
 * <p>The tenants' settings are checked at startup: a bad CIDR range or an unhandled model stops the
 * service instead of silently admitting or refusing webhooks.
 */
@Startup
@ApplicationScoped
public class WebhookAuthenticator {
    private static final Logger LOG = Logger.getLogger(WebhookAuthenticator.class);
    private static final byte[] NO_TENANT = digest("\0unknown-tenant");

    private final Map<String, Gate> gates = new HashMap<>();

    public WebhookAuthenticator(TenantsConfig tenants) {
        tenants.tenants().forEach((name, tenant) -> gates.put(name, Gate.of(name, tenant)));
    }

    /**
     * @param token the token from the URL or the header
     * @param source where the request came from (see {@link ClientAddress})
     * @param signature the X-Carrierhub-Signature header
     * @param body the raw body, for the signature
     * @return the Odoo models this tenant may send
     * @throws ProblemException 401 for a wrong token or signature, 403 for a refused source
     */
    public Set<String> authenticate(String tenant, String token, Optional<InetAddress> source, String signature,
            byte[] body) {
        Gate gate = gates.get(tenant);
        byte[] presented = digest(token == null ? "" : token);
        if (!MessageDigest.isEqual(gate == null ? NO_TENANT : gate.tokenDigest(), presented) || gate == null) {
            throw new ProblemException(Status.UNAUTHORIZED, "unauthorized",
                    "The webhook token is missing or wrong for this tenant.");
        }
        if (gate.sources().isPresent() && !gate.sources().get().permits(source)) {
            // The token was right: either it leaked or the allow-list is out of date. Worth a look.
            LOG.warnf("webhook for tenant %s with a valid token refused: source %s is not in its allow-list",
                    tenant, source.map(InetAddress::getHostAddress).orElse("(unknown)"));
            throw new ProblemException(Status.FORBIDDEN, "source-not-allowed",
                    "Webhooks for this tenant are not accepted from this address.");
        }
        if (gate.signature().isPresent() && !gate.signature().get().verify(body, signature)) {
            throw new ProblemException(Status.UNAUTHORIZED, "bad-signature",
                    "The " + WebhookSignature.HEADER + " header is missing or does not match the body.");
        }
        return gate.models();
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** One tenant's settings, read once. */
    private record Gate(byte[] tokenDigest, Optional<SourceAllowList> sources, Optional<WebhookSignature> signature,
            Set<String> models) {
        static Gate of(String name, TenantsConfig.Tenant tenant) {
            String prefix = "carrierhub.tenants." + name + ".";
            if (tenant.webhookToken().isBlank()) {
                throw new IllegalStateException(prefix + "webhook-token must not be blank");
            }
            Set<String> unhandled = new TreeSet<>(tenant.models());
            unhandled.removeAll(OdooModels.HANDLED);
            if (!unhandled.isEmpty()) {
                throw new IllegalStateException(prefix + "models lists " + unhandled + "; order-intake handles "
                        + new TreeSet<>(OdooModels.HANDLED));
            }
            Optional<SourceAllowList> sources;
            try {
                sources = tenant.allowedSources().map(SourceAllowList::parse);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(prefix + "allowed-sources: " + e.getMessage(), e);
            }
            Optional<WebhookSignature> signature = tenant.hmacSecret().filter(s -> !s.isEmpty()).map(WebhookSignature::new);
            return new Gate(digest(tenant.webhookToken()), sources, signature, Set.copyOf(tenant.models()));
        }
    }
}
