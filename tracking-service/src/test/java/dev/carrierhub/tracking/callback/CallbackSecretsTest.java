package dev.carrierhub.tracking.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.carriers.webhook.SignatureCheck;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackSecretsTest {

    @Test
    void aCarrierWithAnAccountUsesItsWebhookSecretAndOneWithoutUsesItsCallbackSecret() {
        CallbackSecrets secrets = new CallbackSecrets(CallbackTestConfig.registry(easyPost("ep-secret")),
                CallbackTestConfig.tracking(Map.of("fedex", "fedex-token")));

        assertThat(secrets.of("easypost")).contains("ep-secret");
        assertThat(secrets.of("fedex")).contains("fedex-token");
        assertThat(secrets.of("shippo")).isEmpty();
    }

    @Test
    void withoutASecretTheVerdictIsNotConfiguredAndNothingIsChecked() {
        CallbackSecrets secrets = new CallbackSecrets(CallbackTestConfig.registry(easyPost(null)),
                CallbackTestConfig.tracking(Map.of()));

        assertThat(secrets.check("easypost", secret -> {
            throw new AssertionError("no secret, no check");
        }).await().indefinitely()).isEqualTo(Verdict.NOT_CONFIGURED);
        assertThat(secrets.check("fedex", secret -> SignatureCheck.VALID).await().indefinitely())
                .isEqualTo(Verdict.NOT_CONFIGURED);
    }

    @Test
    void theCheckUnderTheSecretGivesTheVerdict() {
        CallbackSecrets secrets = new CallbackSecrets(CallbackTestConfig.registry(Map.of()),
                CallbackTestConfig.tracking(Map.of("fedex", "fedex-token")));

        assertThat(secrets.check("fedex", secret -> secret.equals("fedex-token") ? SignatureCheck.MISMATCH : SignatureCheck.VALID)
                .await().indefinitely()).isEqualTo(Verdict.MISMATCH);
        assertThat(secrets.check("fedex", secret -> SignatureCheck.MALFORMED).await().indefinitely())
                .isEqualTo(Verdict.MISSING_OR_MALFORMED);
    }

    @Test
    void twoSecretsForOneCarrierStopTheStart() {
        CallbackSecrets secrets = new CallbackSecrets(CallbackTestConfig.registry(easyPost("ep-secret")),
                CallbackTestConfig.tracking(Map.of("easypost", "another")));

        assertThatThrownBy(() -> secrets.refuseTwoSecrets(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("easypost").hasMessageNotContaining("ep-secret").hasMessageNotContaining("another");
    }

    private static Map<String, String> easyPost(String webhookSecret) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "carrierhub.carriers.accounts.ep.type", "easypost",
                "carrierhub.carriers.accounts.ep.base-url", "http://127.0.0.1:1/v2",
                "carrierhub.carriers.accounts.ep.api-key", "EZTK_unit",
                "carrierhub.carriers.accounts.ep.timeout", "PT1S"));
        if (webhookSecret != null) {
            properties.put("carrierhub.carriers.accounts.ep.webhook-secret", webhookSecret);
        }
        return properties;
    }
}
