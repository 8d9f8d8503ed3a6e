package dev.carrierhub.rating;

import dev.carrierhub.carriers.sandbox.SandboxCarrierServer;
import dev.carrierhub.carriers.sandbox.SandboxServerConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A second sandbox carrier, configured as the account {@code sandbox-b} with the carrier name
 * {@code sandbox-b}, so rating has two carriers to choose from. Its breaker is set short (2 failures in a
 * row, open for 1 s) so a test can watch it open and close again.
 */
public class SecondSandboxTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String CARRIER = "sandbox-b";
    public static final int BREAKER_FAILURES = 2;
    private static volatile SandboxCarrierServer server;

    public static SandboxCarrierServer server() {
        if (server == null) {
            throw new IllegalStateException("the second sandbox carrier has not been started");
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new SandboxCarrierServer(SandboxServerConfig.defaults("sandbox-b-test-webhook-secret")).start();
        String account = "carrierhub.carriers.accounts." + CARRIER + ".";
        return Map.of(
                account + "type", "sandbox",
                account + "carrier-name", CARRIER,
                account + "base-url", server.baseUri().toString(),
                // Longer than the rating deadline, so a slow sandbox-b is cut off by the deadline.
                account + "timeout", "5s",
                account + "breaker.failure-threshold", String.valueOf(BREAKER_FAILURES),
                account + "breaker.open-duration", "1s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
