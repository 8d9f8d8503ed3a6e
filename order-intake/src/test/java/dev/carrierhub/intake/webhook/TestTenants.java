package dev.carrierhub.intake.webhook;

import dev.carrierhub.intake.config.TenantsConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;

/** Tenants read from properties exactly as the service reads them, for plain unit tests. */
final class TestTenants {
    private TestTenants() {
    }

    /** Each tenant gets its Odoo settings; {@code properties} are keys below {@code carrierhub.tenants.}. */
    static TenantsConfig of(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>();
        properties.forEach((key, value) -> {
            all.put("carrierhub.tenants." + key, value);
            String tenant = key.substring(0, key.indexOf('.'));
            all.put("carrierhub.tenants." + tenant + ".odoo.url", "http://odoo.invalid");
            all.put("carrierhub.tenants." + tenant + ".odoo.database", "db");
            all.put("carrierhub.tenants." + tenant + ".odoo.api-key", "key");
        });
        return new SmallRyeConfigBuilder()
                .withMapping(TenantsConfig.class)
                .withSources(new PropertiesConfigSource(all, "test", 100))
                .build()
                .getConfigMapping(TenantsConfig.class);
    }
}
