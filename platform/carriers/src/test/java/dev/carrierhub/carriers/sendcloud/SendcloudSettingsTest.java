package dev.carrierhub.carriers.sendcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.carriers.Label;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SendcloudSettingsTest {

    @Test
    void neverPrintsEitherKey() {
        SendcloudSettings settings = new SendcloudSettings(SendcloudSettings.API, "public-key-123", "secret-key-456",
                Duration.ofSeconds(5), "zpl");

        assertThat(settings.toString()).doesNotContain("public-key-123", "secret-key-456").contains("ZPL");
        assertThat(new SendcloudSettings(SendcloudSettings.API, "p", "s", Duration.ofSeconds(5)).labelFormat()).isEqualTo(Label.PDF);
    }

    @Test
    void needsBothKeys() {
        assertThatThrownBy(() -> new SendcloudSettings(SendcloudSettings.API, "p", " ", Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SendcloudSettings(SendcloudSettings.API, null, "s", Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SendcloudSettings(SendcloudSettings.API, "p", "s", Duration.ofSeconds(5), "EPL"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
