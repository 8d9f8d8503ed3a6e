package dev.carrierhub.carriers.ups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UpsSettingsTest {

    @Test
    void defaultsAreVersion2409PdfLabelsAndPlainShopping() {
        UpsSettings settings = UpsFixtures.settings(UpsSettings.CIE);

        assertThat(settings.ratingVersion()).isEqualTo("v2409");
        assertThat(settings.shippingVersion()).isEqualTo("v2409");
        assertThat(settings.labelFormat()).isEqualTo(UpsLabelFormat.PDF);
        assertThat(settings.timeInTransit()).isFalse();
        assertThat(settings.lateAnswerWindow()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void toStringNeverShowsTheSecret() {
        assertThat(UpsFixtures.settings(UpsSettings.CIE).toString())
                .contains("clientId=" + UpsFixtures.CLIENT_ID, "accountNumber=" + UpsFixtures.ACCOUNT)
                .doesNotContain(UpsFixtures.CLIENT_SECRET);
    }

    @Test
    void requiresCredentialsAndASixCharacterShipperNumber() {
        URI cie = UpsSettings.CIE;
        Duration timeout = Duration.ofSeconds(2);
        assertThatIllegalArgumentException().isThrownBy(() -> UpsSettings.of(cie, " ", "s", "A1B2C3", timeout));
        assertThatIllegalArgumentException().isThrownBy(() -> UpsSettings.of(cie, "c", null, "A1B2C3", timeout));
        assertThatIllegalArgumentException().isThrownBy(() -> UpsSettings.of(cie, "c", "s", "A1B2C", timeout));
        assertThatIllegalArgumentException().isThrownBy(() -> UpsSettings.of(cie, "c", "s", "A1B2C3", Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> UpsSettings.of(URI.create("/relative"), "c", "s",
                "A1B2C3", timeout));
        assertThatIllegalArgumentException().isThrownBy(() -> UpsSettings.of(cie, "c", "s", "A1B2C3", timeout)
                .withApiVersion("2409"));
    }

    @Test
    void labelFormatsAreParsedCaseInsensitively() {
        assertThat(UpsLabelFormat.parse("zpl")).contains(UpsLabelFormat.ZPL);
        assertThat(UpsLabelFormat.parse(" Pdf ")).contains(UpsLabelFormat.PDF);
        assertThat(UpsLabelFormat.parse("EPL")).isEmpty();
        assertThat(UpsLabelFormat.PDF.requestCode()).isEqualTo("GIF");
    }
}
