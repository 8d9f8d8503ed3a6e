package dev.carrierhub.carriers.easypost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.carriers.Label;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EasyPostSettingsTest {

    @Test
    void neverPrintsTheKeyOrTheWebhookSecret() {
        EasyPostSettings settings = new EasyPostSettings(EasyPostSettings.API, "EZAK_secret_key", Duration.ofSeconds(5),
                "zpl", List.of("ca_1"), "whsec_secret");

        assertThat(settings.toString()).doesNotContain("EZAK_secret_key", "whsec_secret").contains("ca_1", "ZPL");
        assertThat(settings.labelFormat()).isEqualTo(Label.ZPL);
    }

    @Test
    void defaultsToPdfAndEveryCarrierAccount() {
        EasyPostSettings settings = new EasyPostSettings(EasyPostSettings.API, "k", Duration.ofSeconds(5));

        assertThat(settings.labelFormat()).isEqualTo(Label.PDF);
        assertThat(settings.carrierAccounts()).isEmpty();
        assertThat(settings.webhookSecret()).isNull();
    }

    @Test
    void refusesMissingKeyUnknownFormatAndBadTimeout() {
        URI api = EasyPostSettings.API;
        assertThatThrownBy(() -> new EasyPostSettings(api, " ", Duration.ofSeconds(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EasyPostSettings(api, "k", Duration.ofSeconds(5), "EPL2", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EasyPostSettings(api, "k", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EasyPostSettings(URI.create("/v2"), "k", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
