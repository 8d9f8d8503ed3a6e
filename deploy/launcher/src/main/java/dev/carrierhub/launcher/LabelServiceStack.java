package dev.carrierhub.launcher;

import dev.carrierhub.carriers.sandbox.SandboxCarrierServer;
import dev.carrierhub.carriers.sandbox.SandboxServerConfig;
import dev.carrierhub.devstack.Database;
import dev.carrierhub.devstack.DevStack;
import dev.carrierhub.devstack.DevStackConfig;
import dev.carrierhub.devstack.KafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * label-service alone, as it runs in a pod, with what it needs around it: a real Kafka broker and PostgreSQL,
 * a trace receiver, and the sandbox carrier answering every call after a set latency, behind one carrier
 * account whose own limits sit far above the load.
 */
final class LabelServiceStack implements AutoCloseable {
    static final String SERVICE = "label-service";
    static final String CARRIER = "sandbox";
    /** The account's bulkhead: far above label-service's concurrency, so label-service's settings bound the load. */
    static final int ACCOUNT_MAX_CONCURRENT = 512;
    /** System properties with this prefix are passed to label-service without it, e.g. to try another concurrency. */
    static final String SETTING_PREFIX = "label-service.";

    private final DevStack stack;
    private final SandboxCarrierServer sandbox;
    private final OtlpTraceReceiver traces;
    private final ServiceProcess service;
    private final Map<String, String> settings;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LabelServiceStack(DevStack stack, SandboxCarrierServer sandbox, OtlpTraceReceiver traces,
            ServiceProcess service, Map<String, String> settings) {
        this.stack = stack;
        this.sandbox = sandbox;
        this.traces = traces;
        this.service = service;
        this.settings = settings;
        // Ctrl-C ends the run without the finally blocks: stop label-service and the servers all the same.
        this.shutdownHook = new Thread(this::stopAll, "label-benchmark-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static LabelServiceStack start(ProjectLayout layout, Path workDir, Duration carrierLatency) {
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
            sandbox.behaviour().latency(carrierLatency);
            traces = OtlpTraceReceiver.start();
            int port = LocalSuite.freePort();
            Map<String, String> config = PlatformSettings.of(SERVICE, stack, traces);
            String account = "carrierhub.carriers.accounts." + CARRIER + ".";
            config.put(account + "type", "sandbox");
            config.put(account + "base-url", sandbox.baseUri().toString());
            config.put(account + "webhook-secret", secret);
            // The account's own limits: no rate limit (none is set), and a bulkhead far above the worker's
            // concurrency, so that label-service's settings, not the account's, are what the run measures.
            config.put(account + "bulkhead.max-concurrent", Integer.toString(ACCOUNT_MAX_CONCURRENT));
            config.put("carrierhub.label.public-url", "http://127.0.0.1:" + port);
            // One trace in ten is kept, as a deployment under this load would sample.
            config.put("quarkus.otel.traces.sampler", "traceidratio");
            config.put("quarkus.otel.traces.sampler.arg", "0.1");
            Map<String, String> settings = fromSystemProperties();
            config.putAll(settings);
            ServiceProcess service = ServiceProcess.start(SERVICE, layout.runnerJar(SERVICE), port, config,
                    workDir.resolve("logs"), ServiceProcess.POD_JVM_OPTIONS);
            try {
                service.awaitReady(Duration.ofMinutes(3));
            } catch (RuntimeException e) {
                service.close();
                throw e;
            }
            return new LabelServiceStack(stack, sandbox, traces, service, settings);
        } catch (RuntimeException e) {
            LocalSuite.closeQuietly(traces);
            LocalSuite.closeQuietly(sandbox);
            LocalSuite.closeQuietly(stack);
            throw e;
        }
    }

    /** {@code -Dlabel-service.carrierhub.label.booking.concurrency=32} and the like, without the prefix. */
    private static Map<String, String> fromSystemProperties() {
        Map<String, String> settings = new TreeMap<>();
        System.getProperties().forEach((key, value) -> {
            if (key.toString().startsWith(SETTING_PREFIX)) {
                settings.put(key.toString().substring(SETTING_PREFIX.length()), value.toString());
            }
        });
        return settings;
    }

    String bootstrapServers() {
        return stack.bootstrapServers();
    }

    /** label-service's own database, to read its rows after a run. */
    Database database() {
        return stack.database(SERVICE.replace('-', '_'));
    }

    ServiceProcess service() {
        return service;
    }

    SandboxCarrierServer sandbox() {
        return sandbox;
    }

    /** The label-service settings given on the command line, beyond what every run sets. */
    Map<String, String> settings() {
        return settings;
    }

    /** Names of the processes this stack started, by pid, for {@link CpuUsage}. */
    Map<Long, String> processNames() {
        Map<Long, String> names = new HashMap<>();
        names.put(service.pid(), SERVICE);
        stack.kafkaBroker().map(KafkaBroker::process).ifPresent(kafka -> names.put(kafka.pid(), "Kafka broker"));
        // PostgreSQL detaches from this JVM when it starts; its postmaster's pid is in its data directory.
        Optional<Path> postmasterPid = stack.workDir().map(dir -> dir.resolve("postgres/data/postmaster.pid"))
                .filter(Files::exists);
        postmasterPid.ifPresent(file -> {
            try (var lines = Files.lines(file)) {
                lines.findFirst().map(String::trim).map(Long::parseLong).ifPresent(pid -> names.put(pid, "PostgreSQL"));
            } catch (IOException | NumberFormatException e) {
                // Without it, PostgreSQL's time counts as the machine's, outside ours.
            }
        });
        return names;
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down already; the hook does the same.
        }
    }

    private void stopAll() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        service.close();
        LocalSuite.closeQuietly(traces);
        LocalSuite.closeQuietly(sandbox);
        LocalSuite.closeQuietly(stack);
    }
}
