package dev.carrierhub.label;

import dev.carrierhub.devstack.DevStackTestResource;
import dev.carrierhub.testsupport.SandboxCarrierTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * label-service with two carriers ({@code sandbox} and {@code backup}), a tenant that forbids fallback,
 * and deferred bookings that wait ten minutes, so only an operator's retry brings them back in a test.
 */
public class TwoCarriersProfile implements QuarkusTestProfile {
    public static final String NO_FALLBACK_TENANT = "nofallback";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "carrierhub.label.deferral.retry-every", "10m",
                "carrierhub.label.fallback.tenants." + NO_FALLBACK_TENANT + ".enabled", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(DevStackTestResource.class,
                        Map.of(DevStackTestResource.DATABASE_ARG, "label_service_two_carriers")),
                new TestResourceEntry(SandboxCarrierTestResource.class),
                new TestResourceEntry(BackupSandboxTestResource.class));
    }
}
