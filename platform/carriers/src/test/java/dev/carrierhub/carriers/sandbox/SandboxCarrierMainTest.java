package dev.carrierhub.carriers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxCarrierMainTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void readsTheEnvironment() {
        SandboxServerConfig config = SandboxCarrierMain.configure(new String[0],
                Map.of("SANDBOX_PORT", "8089", "SANDBOX_WEBHOOK_SECRET", "whsec_env", "SANDBOX_API_KEY", "sk_env"), out);

        assertThat(config.port()).isEqualTo(8089);
        assertThat(config.webhookSecret()).isEqualTo("whsec_env");
        assertThat(config.apiKey()).isEqualTo("sk_env");
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void argumentsWinOverTheEnvironment() {
        SandboxServerConfig config = SandboxCarrierMain.configure(
                new String[] {"--port=9000", "--webhook-secret=whsec_arg", "--api-key=sk_arg", "--host=0.0.0.0"},
                Map.of("SANDBOX_PORT", "8089", "SANDBOX_WEBHOOK_SECRET", "whsec_env", "SANDBOX_API_KEY", "sk_env"), out);

        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.webhookSecret()).isEqualTo("whsec_arg");
        assertThat(config.apiKey()).isEqualTo("sk_arg");
        assertThat(config.host()).isEqualTo("0.0.0.0");
    }

    @Test
    void generatesAMissingSecretAndSaysSoWithoutPrintingIt() {
        SandboxServerConfig first = SandboxCarrierMain.configure(new String[0], Map.of(), out);
        SandboxServerConfig second = SandboxCarrierMain.configure(new String[0], Map.of(), out);

        assertThat(first.webhookSecret()).hasSize(64).isNotEqualTo(second.webhookSecret());
        assertThat(first.port()).isZero();
        assertThat(first.apiKey()).isNull();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("generated a random webhook secret")
                .doesNotContain(first.webhookSecret());
    }

    @Test
    void refusesUnknownOptionsAndBadPorts() {
        assertThatThrownBy(() -> SandboxCarrierMain.configure(new String[] {"--secret=x"}, Map.of(), out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxCarrierMain.configure(new String[] {"8089"}, Map.of(), out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxCarrierMain.configure(new String[] {"--port=http"}, Map.of(), out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxCarrierMain.configure(new String[] {"--port=70000"}, Map.of(), out))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConfigNeverPrintsItsSecrets() {
        SandboxServerConfig config = SandboxServerConfig.defaults("whsec_hidden").withApiKey("sk_hidden");

        assertThat(config.toString()).doesNotContain("whsec_hidden", "sk_hidden");
    }
}
