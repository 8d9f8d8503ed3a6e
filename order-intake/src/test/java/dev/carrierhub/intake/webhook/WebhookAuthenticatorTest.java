package dev.carrierhub.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.intake.config.TenantsConfig;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookAuthenticatorTest {
    private static final byte[] BODY = "{\"_id\": 11, \"_model\": \"stock.picking\"}".getBytes(StandardCharsets.US_ASCII);
    private static final Optional<InetAddress> LOCAL = IpLiteral.parse("127.0.0.1");

    private final WebhookAuthenticator authenticator = new WebhookAuthenticator(TestTenants.of(Map.of(
            "acme.webhook-token", "acme-token",
            "acme.models", "stock.picking,sale.order",
            "globex.webhook-token", "globex-token",
            "fenced.webhook-token", "fenced-token",
            "fenced.allowed-sources", "10.0.0.0/8, 2001:db8::/32",
            "signed.webhook-token", "signed-token",
            "signed.hmac-secret", "s3cret")));

    @Test
    void admitsTheRightTokenAndTellsTheTenantsModels() {
        assertThat(authenticator.authenticate("acme", "acme-token", LOCAL, null, BODY))
                .containsExactlyInAnyOrder("stock.picking", "sale.order");
        assertThat(authenticator.authenticate("globex", "globex-token", Optional.empty(), null, BODY))
                .as("stock.picking only by default").containsExactly("stock.picking");
    }

    @Test
    void refusesAMissingWrongOrForeignTokenAndAnUnknownTenantAlike() {
        assertRefused(() -> authenticator.authenticate("acme", null, LOCAL, null, BODY), 401, "unauthorized");
        assertRefused(() -> authenticator.authenticate("acme", "acme-token-", LOCAL, null, BODY), 401, "unauthorized");
        assertRefused(() -> authenticator.authenticate("acme", "globex-token", LOCAL, null, BODY), 401, "unauthorized");
        assertRefused(() -> authenticator.authenticate("nobody", "acme-token", LOCAL, null, BODY), 401, "unauthorized");
        assertRefused(() -> authenticator.authenticate("nobody", "", LOCAL, null, BODY), 401, "unauthorized");
    }

    @Test
    void refusesASourceOutsideTheAllowListButOnlyOnceTheTokenIsRight() {
        assertThat(authenticator.authenticate("fenced", "fenced-token", IpLiteral.parse("10.20.30.40"), null, BODY))
                .isNotEmpty();
        assertThat(authenticator.authenticate("fenced", "fenced-token", IpLiteral.parse("2001:db8:1::5"), null, BODY))
                .isNotEmpty();

        assertRefused(() -> authenticator.authenticate("fenced", "fenced-token", LOCAL, null, BODY), 403,
                "source-not-allowed");
        assertRefused(() -> authenticator.authenticate("fenced", "fenced-token", Optional.empty(), null, BODY), 403,
                "source-not-allowed");
        assertRefused(() -> authenticator.authenticate("fenced", "wrong", LOCAL, null, BODY), 401, "unauthorized");
    }

    @Test
    void requiresTheSignatureOnlyWhereAnHmacSecretIsSet() {
        String good = new WebhookSignature("s3cret").sign(BODY);

        assertThat(authenticator.authenticate("signed", "signed-token", LOCAL, good, BODY)).isNotEmpty();
        assertRefused(() -> authenticator.authenticate("signed", "signed-token", LOCAL, null, BODY), 401, "bad-signature");
        assertRefused(() -> authenticator.authenticate("signed", "signed-token", LOCAL,
                new WebhookSignature("other").sign(BODY), BODY), 401, "bad-signature");
        assertRefused(() -> authenticator.authenticate("signed", "signed-token", LOCAL, good,
                "{\"_id\": 12, \"_model\": \"stock.picking\"}".getBytes(StandardCharsets.US_ASCII)), 401, "bad-signature");
        assertThat(authenticator.authenticate("acme", "acme-token", LOCAL, "sha256=garbage", BODY))
                .as("a tenant without a secret ignores the header").isNotEmpty();
    }

    @Test
    void refusesToStartWithABadRangeAModelItCannotHandleOrABlankToken() {
        assertThatThrownBy(() -> new WebhookAuthenticator(TestTenants.of(Map.of(
                "acme.webhook-token", "t", "acme.allowed-sources", "10.0.0.1/8"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("carrierhub.tenants.acme.allowed-sources").hasMessageContaining("host bits");
        assertThatThrownBy(() -> new WebhookAuthenticator(TestTenants.of(Map.of(
                "acme.webhook-token", "t", "acme.allowed-sources", "odoo.example.com"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("odoo.example.com");
        assertThatThrownBy(() -> new WebhookAuthenticator(TestTenants.of(Map.of(
                "acme.webhook-token", "t", "acme.models", "stock.picking,res.partner"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("res.partner");
        assertThatThrownBy(() -> new WebhookAuthenticator(TestTenants.of(Map.of("acme.webhook-token", " "))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("webhook-token");
    }

    @Test
    void theRateLimitDefaultsAreDocumentedOnes() {
        TenantsConfig.RateLimit defaults = TestTenants.of(Map.of("acme.webhook-token", "t")).tenants().get("acme").rateLimit();

        assertThat(defaults.perSecond()).isEqualTo(200);
        assertThat(defaults.burst()).isEqualTo(400);
    }

    static void assertRefused(Runnable call, int status, String slug) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(status);
            assertThat(e.problem().type()).endsWith("/" + slug);
        });
    }
}
