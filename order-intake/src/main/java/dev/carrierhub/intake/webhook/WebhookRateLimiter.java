package dev.carrierhub.intake.webhook;

import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.core.ratelimit.TokenBucket;
import dev.carrierhub.intake.config.TenantsConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * A token bucket per tenant ({@code carrierhub.tenants.<t>.rate-limit.*}), taken only by webhooks that
 * passed authentication, so nobody without the token can use up a tenant's allowance. The limit is
 * per replica. Odoo does not retry a refused webhook, so the limit is meant to stop a runaway sender,
 * well above a tenant's normal peak.
 */
@Startup
@ApplicationScoped
public class WebhookRateLimiter {
    private static final Logger LOG = Logger.getLogger(WebhookRateLimiter.class);

    private final Map<String, Limit> limits = new HashMap<>();

    public WebhookRateLimiter(TenantsConfig tenants) {
        tenants.tenants().forEach((name, tenant) -> {
            try {
                limits.put(name, new Limit(new TokenBucket(tenant.rateLimit().perSecond(), tenant.rateLimit().burst()),
                        new AtomicBoolean()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("carrierhub.tenants." + name + ".rate-limit: " + e.getMessage(), e);
            }
        });
    }

    /** @throws ProblemException 429 with Retry-After when the tenant's bucket is empty */
    public void take(String tenant) {
        Limit limit = limits.get(tenant);
        if (limit == null) {
            throw new IllegalStateException("no rate limit for tenant " + tenant + "; authenticate first");
        }
        TokenBucket.Take take = limit.bucket().tryTake();
        if (take.granted()) {
            limit.refusing().set(false);
            return;
        }
        if (limit.refusing().compareAndSet(false, true)) {
            // Once per episode, not once per refused webhook: a runaway sender must not flood the log too.
            LOG.warnf("webhooks for tenant %s are over its rate limit and refused with 429 until it drains; "
                    + "Odoo does not send them again", tenant);
        }
        throw new ProblemException(Status.TOO_MANY_REQUESTS, "rate-limited",
                "Too many webhooks for this tenant; retry after " + take.retryAfterSeconds() + " s.")
                .withHeader("Retry-After", Long.toString(take.retryAfterSeconds()));
    }

    private record Limit(TokenBucket bucket, AtomicBoolean refusing) {
    }
}
