package dev.carrierhub.label;

import dev.carrierhub.carriers.sandbox.SandboxCarrierServer;
import dev.carrierhub.carriers.sandbox.SandboxServerConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A second sandbox carrier, booked as carrier {@code backup}: the alternative a booking falls back to
 * when the {@code sandbox} carrier is down.
 */
public class BackupSandboxTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String CARRIER = "backup";
    private static volatile SandboxCarrierServer server;

    public static SandboxCarrierServer server() {
        if (server == null) {
            throw new IllegalStateException("the backup sandbox has not been started");
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new SandboxCarrierServer(SandboxServerConfig.defaults("backup-sandbox-webhook-secret")).start();
        return Map.of(
                "carrierhub.carriers.accounts.backup.type", "sandbox",
                "carrierhub.carriers.accounts.backup.carrier-name", CARRIER,
                "carrierhub.carriers.accounts.backup.base-url", server.baseUri().toString(),
                "carrierhub.carriers.accounts.backup.timeout", "2s",
                // Two failures in a row open its breaker for five seconds: long enough to watch a booking
                // meet an open circuit, short enough for the next test.
                "carrierhub.carriers.accounts.backup.breaker.failure-threshold", "2",
                "carrierhub.carriers.accounts.backup.breaker.open-duration", "5s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
