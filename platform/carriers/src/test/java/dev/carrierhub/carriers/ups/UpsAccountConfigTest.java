package dev.carrierhub.carriers.ups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.registry.CarrierAccountsConfig;
import dev.carrierhub.carriers.registry.CarrierRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A UPS account as configured: {@code carrierhub.carriers.accounts.<name>.*} → settings → registry. */
class UpsAccountConfigTest {
    private static final String PREFIX = "carrierhub.carriers.accounts.ups-acme.";

    @Test
    void theAccountsSettingsBecomeUpsSettings() {
        UpsSettings settings = UpsSettings.of(account(Map.of(
                PREFIX + "api-version", "v2501",
                PREFIX + "label-format", "zpl",
                PREFIX + "timeout", "PT3S")));

        assertThat(settings.baseUri()).isEqualTo(URI.create("https://wwwcie.ups.com"));
        assertThat(settings.clientId()).isEqualTo("cid");
        assertThat(settings.clientSecret()).isEqualTo("csecret");
        assertThat(settings.accountNumber()).isEqualTo("A1B2C3");
        assertThat(settings.ratingVersion()).isEqualTo("v2501");
        assertThat(settings.shippingVersion()).isEqualTo("v2501");
        assertThat(settings.labelFormat()).isEqualTo(UpsLabelFormat.ZPL);
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void withoutOptionalSettingsTheDefaultsApply() {
        UpsSettings settings = UpsSettings.of(account(Map.of()));

        assertThat(settings.ratingVersion()).isEqualTo("v2409");
        assertThat(settings.labelFormat()).isEqualTo(UpsLabelFormat.PDF);
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void missingCredentialsOrAnUnknownLabelFormatAreRefusedAtStart() {
        Map<String, String> noSecret = new HashMap<>(base());
        noSecret.remove(PREFIX + "client-secret");

        assertThatIllegalArgumentException().isThrownBy(() -> UpsSettings.of(account(noSecret, Map.of())))
                .withMessageContaining("client-secret");
        assertThatIllegalArgumentException().isThrownBy(() -> UpsSettings.of(account(Map.of(PREFIX + "label-format",
                "EPL")))).withMessageContaining("label-format");
    }

    @Test
    void theRegistryBuildsAUpsConnectorForTheType() {
        CarrierAccountsConfig config = config(base(), Map.of());

        CarrierRegistry registry = new CarrierRegistry(config, new SimpleMeterRegistry());

        assertThat(registry.forCarrier("ups")).hasValueSatisfying(connector -> {
            assertThat(connector.capabilities().labelFormats()).containsExactly(Label.PDF);
            assertThat(connector.capabilities().trackerPush()).isFalse();
        });
    }

    private static Map<String, String> base() {
        return Map.of(
                PREFIX + "type", "ups",
                PREFIX + "base-url", "https://wwwcie.ups.com",
                PREFIX + "client-id", "cid",
                PREFIX + "client-secret", "csecret",
                PREFIX + "account-number", "A1B2C3");
    }

    private static CarrierAccountsConfig.Account account(Map<String, String> extra) {
        return account(base(), extra);
    }

    private static CarrierAccountsConfig.Account account(Map<String, String> base, Map<String, String> extra) {
        return config(base, extra).accounts().get("ups-acme");
    }

    private static CarrierAccountsConfig config(Map<String, String> base, Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(base);
        properties.putAll(extra);
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withConverter(Duration.class, 200, UpsAccountConfigTest::duration)
                .withMapping(CarrierAccountsConfig.class)
                .build()
                .getConfigMapping(CarrierAccountsConfig.class);
    }

    /** Quarkus reads "5s" (the timeout's default); plain SmallRye only ISO-8601, so the test reads both. */
    private static Duration duration(String value) {
        if (value.isBlank()) {
            return null;
        }
        return value.matches("\\d+s") ? Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)))
                : Duration.parse(value);
    }
}
