package dev.carrierhub.intake;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * Tenants with mapping tables and rules, next to the recorded Odoo's {@code acme}: {@code globex} maps
 * Odoo carrier 3 and a default box, {@code strict} allows 2 kg and 30 cm parcels, {@code initech} is
 * the admin API's playground. All read the same recorded Odoo.
 */
public class GovernanceTestProfile implements QuarkusTestProfile {
    public static final String MAPPED = "globex";
    public static final String STRICT = "strict";
    public static final String ADMIN = "initech";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        for (String tenant : new String[] {MAPPED, STRICT, ADMIN}) {
            config.put("carrierhub.tenants." + tenant + ".webhook-token", token(tenant));
            config.put("carrierhub.tenants." + tenant + ".odoo.url",
                    "${carrierhub.tenants." + RecordedOdooTestResource.TENANT + ".odoo.url}");
            config.put("carrierhub.tenants." + tenant + ".odoo.database", "odootest");
            config.put("carrierhub.tenants." + tenant + ".odoo.api-key", "test-api-key");
        }
        config.put("carrierhub.mappings.globex.carriers.3.carrier", "sandbox");
        config.put("carrierhub.mappings.globex.carriers.3.service-code", "SBX_ECONOMY");
        config.put("carrierhub.mappings.globex.carriers.3.service-level", "ECONOMY");
        box("globex", config);

        config.put("carrierhub.rules.strict.phone-required", "true");
        config.put("carrierhub.rules.strict.max-parcel-weight", "2 kg");
        config.put("carrierhub.rules.strict.max-parcel-side", "30 cm");
        box("strict", config);

        config.put("carrierhub.mappings.initech.carriers.3.carrier", "ups");
        config.put("carrierhub.mappings.initech.carriers.3.service-code", "03");
        config.put("carrierhub.mappings.initech.warehouses.1.name", "Initech West");
        config.put("carrierhub.mappings.initech.warehouses.1.street", "1 Logistics Way");
        config.put("carrierhub.mappings.initech.warehouses.1.city", "Reno");
        config.put("carrierhub.mappings.initech.warehouses.1.postal-code", "89502");
        config.put("carrierhub.mappings.initech.warehouses.1.state-code", "NV");
        config.put("carrierhub.mappings.initech.warehouses.1.country-code", "US");
        config.put("carrierhub.mappings.initech.warehouses.1.phone", "(775) 555-0100");
        return config;
    }

    public static String token(String tenant) {
        return "test-webhook-token-" + tenant;
    }

    /** Odoo's "Box M 40x30x20" package type, in Odoo's millimetres. */
    private static void box(String tenant, Map<String, String> config) {
        config.put("carrierhub.mappings." + tenant + ".default-parcel.length", "400");
        config.put("carrierhub.mappings." + tenant + ".default-parcel.width", "300");
        config.put("carrierhub.mappings." + tenant + ".default-parcel.height", "200");
        config.put("carrierhub.mappings." + tenant + ".default-parcel.package-type", "Box M");
    }
}
