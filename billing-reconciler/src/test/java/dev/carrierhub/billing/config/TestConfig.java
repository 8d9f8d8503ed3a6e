package dev.carrierhub.billing.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;

/** {@link BillingConfig} from a map, converted as Quarkus converts it, for tests outside Quarkus. */
public final class TestConfig {
    private TestConfig() {
    }

    public static BillingConfig billing(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(BillingConfig.class)
                .build()
                .getConfigMapping(BillingConfig.class);
    }
}
