package dev.carrierhub.carriers.shippo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.carriers.Label;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShippoSettingsTest {

    @Test
    void neverPrintsTheToken() {
        ShippoSettings settings = new ShippoSettings(ShippoSettings.API, "shippo_live_0123456789abcdef", Duration.ofSeconds(5),
                "png", List.of("acc"), "usps");

        assertThat(settings.toString()).doesNotContain("shippo_live_0123456789abcdef").contains("usps", "PNG");
        assertThat(settings.testMode()).isFalse();
        assertThat(new ShippoSettings(ShippoSettings.API, "shippo_test_abc", Duration.ofSeconds(5)).testMode()).isTrue();
    }

    @Test
    void defaultsToPdfWithoutTrackingCarrier() {
        ShippoSettings settings = new ShippoSettings(ShippoSettings.API, "k", Duration.ofSeconds(5), null, null, " ");

        assertThat(settings.labelFormat()).isEqualTo(Label.PDF);
        assertThat(settings.carrierAccounts()).isEmpty();
        assertThat(settings.trackingCarrier()).isNull();
    }

    @Test
    void refusesMissingTokenAndUnknownFormat() {
        assertThatThrownBy(() -> new ShippoSettings(ShippoSettings.API, "", Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShippoSettings(ShippoSettings.API, "k", Duration.ofSeconds(5), "EPL", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
