package dev.carrierhub.testsupport;

import dev.carrierhub.carriers.sandbox.SandboxCarrierServer;
import dev.carrierhub.carriers.sandbox.SandboxServerConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.util.Map;

/**
 * Starts a sandbox carrier for a Quarkus test and configures the account {@code sandbox} to use it.
 * Tests reach the server (to switch its behaviour or read its stats) through {@link #server()}.
 */
public class SandboxCarrierTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String WEBHOOK_SECRET = "sandbox-test-webhook-secret";
    private static volatile SandboxCarrierServer server;

    /** The running sandbox of the current test JVM. */
    public static SandboxCarrierServer server() {
        if (server == null) {
            throw new IllegalStateException("the sandbox carrier has not been started");
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new SandboxCarrierServer(SandboxServerConfig.defaults(WEBHOOK_SECRET)
                .withCallbackDelay(Duration.ofMillis(50))).start();
        return Map.of(
                "carrierhub.carriers.accounts.sandbox.type", "sandbox",
                "carrierhub.carriers.accounts.sandbox.base-url", server.baseUri().toString(),
                "carrierhub.carriers.accounts.sandbox.webhook-secret", WEBHOOK_SECRET,
                "carrierhub.carriers.accounts.sandbox.timeout", "2s",
                // Tests switch the sandbox into failure and back within seconds: the breaker must follow.
                "carrierhub.carriers.accounts.sandbox.breaker.open-duration", "1s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
