package dev.carrierhub.carriers.sandbox;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox carrier on its own: {@code --port=}, {@code --host=}, {@code --webhook-secret=},
 * {@code --api-key=}, each falling back to {@code SANDBOX_PORT}, {@code SANDBOX_HOST},
 * {@code SANDBOX_WEBHOOK_SECRET}, {@code SANDBOX_API_KEY}. Prefer the environment for secrets: command
 * lines are visible to every user of the machine.
 */
public final class SandboxCarrierMain {
    private static final Set<String> OPTIONS = Set.of("port", "host", "webhook-secret", "api-key");
    static final String USAGE = "usage: SandboxCarrierMain [--port=N] [--host=ADDR] [--webhook-secret=S] [--api-key=K]"
            + " (or SANDBOX_PORT, SANDBOX_HOST, SANDBOX_WEBHOOK_SECRET, SANDBOX_API_KEY)";

    private SandboxCarrierMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxServerConfig config;
        try {
            config = configure(args, System.getenv(), System.out);
        } catch (IllegalArgumentException badArgs) {
            System.err.println(badArgs.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        SandboxCarrierServer server = new SandboxCarrierServer(config).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        System.out.println("Sandbox carrier listening on " + server.baseUri()
                + (config.apiKey() == null ? " (no API key required)" : " (API key required)"));
        stopped.await();
    }

    /**
     * The server config from arguments, then the environment, then defaults. A missing webhook secret is
     * generated, never defaulted in code; {@code out} is told so, without the secret itself.
     */
    static SandboxServerConfig configure(String[] args, Map<String, String> env, PrintStream out) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
            String name = arg.substring(2, eq);
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option: --" + name);
            }
            options.put(name, arg.substring(eq + 1));
        }
        String secret = pick(options, "webhook-secret", env, "SANDBOX_WEBHOOK_SECRET");
        if (secret == null) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = HexFormat.of().formatHex(random);
            out.println("SANDBOX_WEBHOOK_SECRET is not set: generated a random webhook secret for this run."
                    + " Receivers cannot verify callbacks unless the same secret is configured on both sides.");
        }
        SandboxServerConfig config = SandboxServerConfig.defaults(secret).withApiKey(pick(options, "api-key", env, "SANDBOX_API_KEY"));
        String host = pick(options, "host", env, "SANDBOX_HOST");
        if (host != null) {
            config = config.withHost(host);
        }
        String port = pick(options, "port", env, "SANDBOX_PORT");
        if (port != null) {
            try {
                config = config.withPort(Integer.parseInt(port.trim()));
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("the port must be a number, was " + port);
            }
        }
        return config;
    }

    private static String pick(Map<String, String> options, String option, Map<String, String> env, String variable) {
        String value = options.containsKey(option) ? options.get(option) : env.get(variable);
        return value == null || value.isBlank() ? null : value;
    }
}
