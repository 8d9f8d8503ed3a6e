package dev.carrierhub.launcher;

import dev.carrierhub.carriers.sandbox.SandboxCarrierServer;
import dev.carrierhub.carriers.sandbox.SandboxServerConfig;
import dev.carrierhub.devstack.DevStack;
import dev.carrierhub.devstack.DevStackConfig;
import dev.carrierhub.odoo.recordings.RecordedOdoo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole Carrier Hub on one machine: a real Kafka broker and PostgreSQL (platform/devstack), the
 * sandbox carrier, an Odoo replaying recorded answers, an OTLP trace receiver, and the five services,
 * each its own JVM started from its packaged jar.
 */
public final class LocalSuite implements AutoCloseable {
    public static final List<String> SERVICES =
            List.of("order-intake", "rate-shopping", "label-service", "tracking-service", "billing-reconciler");
    public static final String TENANT = "demo";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final DevStack stack;
    private final SandboxCarrierServer sandbox;
    private final RecordedOdoo odoo;
    private final OtlpTraceReceiver traces;
    private final Map<String, ServiceProcess> services;
    private final String webhookToken;
    private final Duration timeToReady;

    private LocalSuite(DevStack stack, SandboxCarrierServer sandbox, RecordedOdoo odoo, OtlpTraceReceiver traces,
            Map<String, ServiceProcess> services, String webhookToken, Duration timeToReady) {
        this.stack = stack;
        this.sandbox = sandbox;
        this.odoo = odoo;
        this.traces = traces;
        this.services = services;
        this.webhookToken = webhookToken;
        this.timeToReady = timeToReady;
    }

    /**
     * Starts everything. With {@code fixedPorts} the services listen on 8081-8085 and the sandbox on 9090,
     * as the README promises; otherwise on free ports (tests).
     */
    public static LocalSuite start(ProjectLayout layout, Path workDir, boolean fixedPorts) {
        return start(layout, workDir, fixedPorts, Map.of());
    }

    /**
     * Like {@link #start(ProjectLayout, Path, boolean)}, with settings by service name that are added to that
     * service's configuration or replace what the suite would set, e.g. a short booking lease for
     * label-service in a test that kills it mid-booking.
     */
    public static LocalSuite start(ProjectLayout layout, Path workDir, boolean fixedPorts,
            Map<String, Map<String, String>> settings) {
        return start(layout, workDir, fixedPorts, settings, ServiceProcess.LAPTOP_JVM_OPTIONS);
    }

    /** Like {@link #start(ProjectLayout, Path, boolean, Map)}, every service with {@code jvmOptions}. */
    public static LocalSuite start(ProjectLayout layout, Path workDir, boolean fixedPorts,
            Map<String, Map<String, String>> settings, List<String> jvmOptions) {
        if (!SERVICES.containsAll(settings.keySet())) {
            throw new IllegalArgumentException("settings for unknown services: " + settings.keySet());
        }
        long started = System.nanoTime();
        DevStack stack = null;
        SandboxCarrierServer sandbox = null;
        RecordedOdoo odoo = null;
        OtlpTraceReceiver traces = null;
        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        try {
            Files.createDirectories(workDir);
            // Secrets are made per run: nothing to configure, nothing that could leak from a default.
            String webhookToken = randomSecret();
            String sandboxSecret = randomSecret();
            CompletableFuture<DevStack> stackStart = CompletableFuture.supplyAsync(
                    () -> DevStack.start(DevStackConfig.fromEnvironment().withWorkDir(workDir.resolve("devstack"))));
            sandbox = new SandboxCarrierServer(SandboxServerConfig.defaults(sandboxSecret)
                    .withPort(fixedPorts ? 9090 : 0)).start();
            // Reads for enrichment, and Odoo's recorded answers to every kind of write-back: a label attachment
            // created, a note posted, an activity scheduled (its type looked up first).
            odoo = new RecordedOdoo().start()
                    .replayReads("rpc/enrich-picking.json")
                    .replayReads("rpc/enrich-nonascii.json")
                    .replayCalls("rpc/writeback.json")
                    .replayCalls("rpc/activity.json");
            traces = OtlpTraceReceiver.start();
            stack = stackStart.join();
            TopicDefinitions.create(stack.bootstrapServers(), (short) 1);

            Map<String, Integer> ports = new HashMap<>();
            for (int i = 0; i < SERVICES.size(); i++) {
                ports.put(SERVICES.get(i), fixedPorts ? 8081 + i : freePort());
            }
            for (String service : SERVICES) {
                Map<String, String> config = configFor(service, stack, sandbox, odoo, traces, ports, webhookToken,
                        sandboxSecret);
                config.putAll(settings.getOrDefault(service, Map.of()));
                services.put(service, ServiceProcess.start(service, layout.runnerJar(service), ports.get(service),
                        config, workDir.resolve("logs"), jvmOptions));
            }
            List<CompletableFuture<ServiceProcess>> ready = new ArrayList<>();
            services.values().forEach(p -> ready.add(CompletableFuture.supplyAsync(() -> p.awaitReady(READY_TIMEOUT))));
            ready.forEach(CompletableFuture::join);
            return new LocalSuite(stack, sandbox, odoo, traces, services, webhookToken,
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (RuntimeException | IOException e) {
            services.values().forEach(ServiceProcess::close);
            closeQuietly(traces);
            closeQuietly(odoo);
            closeQuietly(sandbox);
            closeQuietly(stack);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    private static Map<String, String> configFor(String service, DevStack stack, SandboxCarrierServer sandbox,
            RecordedOdoo odoo, OtlpTraceReceiver traces, Map<String, Integer> ports, String webhookToken,
            String sandboxSecret) {
        Map<String, String> config = PlatformSettings.of(service, stack, traces);
        switch (service) {
            case "order-intake" -> {
                config.put("carrierhub.tenants." + TENANT + ".webhook-token", webhookToken);
                config.put("carrierhub.tenants." + TENANT + ".odoo.url", odoo.url().toString());
                config.put("carrierhub.tenants." + TENANT + ".odoo.database", "odootest");
                config.put("carrierhub.tenants." + TENANT + ".odoo.api-key", "recorded-odoo-needs-no-key");
            }
            case "rate-shopping", "label-service", "tracking-service" -> {
                config.put("carrierhub.carriers.accounts.sandbox.type", "sandbox");
                config.put("carrierhub.carriers.accounts.sandbox.base-url", sandbox.baseUri().toString());
                config.put("carrierhub.carriers.accounts.sandbox.webhook-secret", sandboxSecret);
                config.put("carrierhub.label.public-url", "http://127.0.0.1:" + ports.get("label-service"));
                config.put("carrierhub.tracking.public-url", "http://127.0.0.1:" + ports.get("tracking-service"));
            }
            default -> {
                // billing-reconciler needs only Kafka and its database so far
            }
        }
        return config;
    }

    public ServiceProcess service(String name) {
        ServiceProcess process = services.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        return process;
    }

    public Map<String, ServiceProcess> services() {
        return services;
    }

    /**
     * Starts a service that was killed or stopped again, with the configuration it had, on the same port, and
     * waits until it is ready; from then on {@link #service(String)} returns the new process.
     */
    public ServiceProcess restart(String name) {
        ServiceProcess again = service(name).startAgain();
        services.put(name, again);
        return again.awaitReady(READY_TIMEOUT);
    }

    /** The webhook URL a tenant's Odoo automation rule would call, secret token included. */
    public URI webhookUrl() {
        return service("order-intake").baseUri().resolve("/webhooks/odoo/" + TENANT + "?token=" + webhookToken);
    }

    public SandboxCarrierServer sandbox() {
        return sandbox;
    }

    public RecordedOdoo odoo() {
        return odoo;
    }

    public OtlpTraceReceiver traces() {
        return traces;
    }

    public DevStack stack() {
        return stack;
    }

    public Duration timeToReady() {
        return timeToReady;
    }

    @Override
    public void close() {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        services.values().forEach(p -> stops.add(CompletableFuture.runAsync(p::close)));
        stops.forEach(CompletableFuture::join);
        closeQuietly(traces);
        closeQuietly(odoo);
        closeQuietly(sandbox);
        closeQuietly(stack);
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("while stopping " + closeable.getClass().getSimpleName() + ": " + e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
