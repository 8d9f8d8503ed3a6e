package dev.carrierhub.tracking.callback;

import dev.carrierhub.carriers.registry.CarrierAccountsConfig;
import dev.carrierhub.carriers.registry.CarrierRegistry;
import dev.carrierhub.tracking.config.TrackingConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.spi.Converter;

/** Carrier accounts and tracking settings built from properties, for unit tests of the callback beans. */
final class CallbackTestConfig {
    private CallbackTestConfig() {
    }

    /** A registry of the accounts in {@code properties} ({@code carrierhub.carriers.accounts.*}). */
    static CarrierRegistry registry(Map<String, String> properties) {
        CarrierAccountsConfig accounts = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                // Quarkus reads "30s" style defaults; plain SmallRye only ISO-8601.
                .withConverter(Duration.class, 200, (Converter<Duration>) v ->
                        v.isBlank() ? null : v.matches("\\d+s") ? Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)))
                                : v.matches("\\d+ms") ? Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)))
                                : Duration.parse(v))
                .withMapping(CarrierAccountsConfig.class)
                .build()
                .getConfigMapping(CarrierAccountsConfig.class);
        return new CarrierRegistry(accounts);
    }

    /** Tracking settings with a 300 s window and these callback-only secrets by carrier. */
    static TrackingConfig tracking(Map<String, String> callbackSecrets) {
        Map<String, TrackingConfig.CarrierCallback> callbacks = callbackSecrets.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> () -> Optional.of(e.getValue())));
        return new TrackingConfig() {
            @Override
            public Optional<URI> publicUrl() {
                return Optional.empty();
            }

            @Override
            public int callbackMaxBytes() {
                return 65_536;
            }

            @Override
            public Duration signatureTolerance() {
                return Duration.ofSeconds(300);
            }

            @Override
            public Registration registration() {
                throw new UnsupportedOperationException("not needed to verify callbacks");
            }

            @Override
            public Polling polling() {
                throw new UnsupportedOperationException("not needed to verify callbacks");
            }

            @Override
            public Intake intake() {
                throw new UnsupportedOperationException("not needed to verify callbacks");
            }

            @Override
            public Map<String, CarrierCallback> callbacks() {
                return callbacks;
            }

            @Override
            public ShipEngine shipengine() {
                throw new UnsupportedOperationException("not needed by these tests");
            }
        };
    }
}
