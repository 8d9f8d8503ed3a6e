package dev.carrierhub.launcher;

import dev.carrierhub.carriers.sandbox.SandboxCarrierServer;
import dev.carrierhub.carriers.sandbox.SandboxServerConfig;
import dev.carrierhub.devstack.DevStack;
import dev.carrierhub.devstack.DevStackConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * rate-shopping alone, as it runs in a pod, with what it needs around it: a real Kafka broker and
 * PostgreSQL, a trace receiver, and one zero-latency sandbox carrier behind three carrier accounts.
 */
final class RateShoppingStack implements AutoCloseable {
    static final String SERVICE = "rate-shopping";
    /** The accounts rate-shopping asks: each its own carrier name, limits and HTTP calls. */
    static final List<String> CARRIERS = List.of("sandbox", "sandbox-b", "sandbox-c");

    private final DevStack stack;
    private final SandboxCarrierServer sandbox;
    private final OtlpTraceReceiver traces;
    private final ServiceProcess service;

    private RateShoppingStack(DevStack stack, SandboxCarrierServer sandbox, OtlpTraceReceiver traces,
            ServiceProcess service) {
        this.stack = stack;
        this.sandbox = sandbox;
        this.traces = traces;
        this.service = service;
    }

    static RateShoppingStack start(ProjectLayout layout, Path workDir) {
        // The JDK HTTP server under the sandbox writes headers and body apart; with Nagle's algorithm on, each
        // answer then waits for the client's delayed ACK (about 40 ms), which is no carrier latency at all.
        // Read once, when the first server in this JVM starts: the sandbox is that first server.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        DevStack stack = DevStack.start(DevStackConfig.fromEnvironment().withWorkDir(workDir.resolve("devstack")));
        SandboxCarrierServer sandbox = null;
        OtlpTraceReceiver traces = null;
        try {
            TopicDefinitions.create(stack.bootstrapServers(), (short) 1);
            String secret = UUID.randomUUID().toString();
            sandbox = new SandboxCarrierServer(SandboxServerConfig.defaults(secret)).start();
            traces = OtlpTraceReceiver.start();
            Map<String, String> config = PlatformSettings.of(SERVICE, stack, traces);
            for (String carrier : CARRIERS) {
                String account = "carrierhub.carriers.accounts." + carrier + ".";
                config.put(account + "type", "sandbox");
                config.put(account + "base-url", sandbox.baseUri().toString());
                config.put(account + "webhook-secret", secret);
                config.put(account + "carrier-name", carrier);
            }
            ServiceProcess service = ServiceProcess.start(SERVICE, layout.runnerJar(SERVICE), LocalSuite.freePort(),
                    config, workDir.resolve("logs"), ServiceProcess.POD_JVM_OPTIONS);
            try {
                service.awaitReady(Duration.ofMinutes(2));
            } catch (RuntimeException e) {
                service.close();
                throw e;
            }
            return new RateShoppingStack(stack, sandbox, traces, service);
        } catch (RuntimeException e) {
            LocalSuite.closeQuietly(traces);
            LocalSuite.closeQuietly(sandbox);
            LocalSuite.closeQuietly(stack);
            throw e;
        }
    }

    String bootstrapServers() {
        return stack.bootstrapServers();
    }

    ServiceProcess service() {
        return service;
    }

    SandboxCarrierServer sandbox() {
        return sandbox;
    }

    @Override
    public void close() {
        service.close();
        LocalSuite.closeQuietly(traces);
        LocalSuite.closeQuietly(sandbox);
        LocalSuite.closeQuietly(stack);
    }
}
