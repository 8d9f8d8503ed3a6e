package dev.carrierhub.odoo.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.odoo.client.OdooProtocol;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnboardOdooMainTest {
    private static final Map<String, String> ENV = Map.of("ODOO_API_KEY", "key", "CARRIERHUB_WEBHOOK_TOKEN", "token");

    @Test
    void readsTheConnectionFromOptionsAndTheSecretsFromTheEnvironment() {
        OnboardOdooMain.Command command = OnboardOdooMain.Command.parse(new String[] {"--odoo-url",
                "https://odoo.example.com", "--database", "prod", "--user-id", "7", "--tenant", "acme", "--intake-url",
                "https://hub.example.com", "--on-done"}, ENV);

        assertThat(command.connection().protocol()).isEqualTo(OdooProtocol.JSON_RPC);
        assertThat(command.connection().uid()).isEqualTo(7L);
        assertThat(command.connection().apiKey()).isEqualTo("key");
        assertThat(command.token()).isEqualTo("token");
        assertThat(command.onDone()).isTrue();
    }

    @Test
    void odoo19UsesJson2WithoutAUser() {
        OnboardOdooMain.Command command = OnboardOdooMain.Command.parse(new String[] {"--odoo-url",
                "https://odoo.example.com", "--database", "prod", "--protocol", "json-2", "--tenant", "acme",
                "--intake-url", "https://hub.example.com"}, ENV);

        assertThat(command.connection().protocol()).isEqualTo(OdooProtocol.JSON_2);
        assertThat(command.onDone()).isFalse();
    }

    @Test
    void aSecretOnTheCommandLineOrAMissingOptionIsRefused() {
        String[] withoutUser = {"--odoo-url", "https://odoo.example.com", "--database", "prod", "--tenant", "acme",
                "--intake-url", "https://hub.example.com"};
        assertThatThrownBy(() -> OnboardOdooMain.Command.parse(withoutUser, ENV)).hasMessage("--user-id is required");
        String[] withKey = {"--odoo-url", "https://odoo.example.com", "--database", "prod", "--user-id", "2",
                "--api-key", "secret", "--tenant", "acme", "--intake-url", "https://hub.example.com"};
        assertThatThrownBy(() -> OnboardOdooMain.Command.parse(withKey, ENV)).hasMessage("unknown option --api-key");
        String[] complete = {"--odoo-url", "https://odoo.example.com", "--database", "prod", "--user-id", "2",
                "--tenant", "acme", "--intake-url", "https://hub.example.com"};
        assertThatThrownBy(() -> OnboardOdooMain.Command.parse(complete, Map.of("ODOO_API_KEY", "key")))
                .hasMessage("CARRIERHUB_WEBHOOK_TOKEN must be set in the environment");
    }

    @Test
    void printsEachRuleWithWhatChanged() {
        OnboardingReport report = new OnboardingReport("18.0-20250506", 18, 2, List.of(
                new RuleOutcome(IntakeRules.READY, RuleOutcome.Outcome.UPDATED, 5, List.of("webhook URL replaced")),
                new RuleOutcome(IntakeRules.CANCELLED, RuleOutcome.Outcome.UNCHANGED, 8, List.of())), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        OnboardOdooMain.print(report, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Odoo 18.0-20250506 (major 18), integration user 2",
                "UPDATED   Carrier Hub: delivery ready (base.automation 5)", "webhook URL replaced",
                "UNCHANGED Carrier Hub: delivery cancelled (base.automation 8)");
    }
}
