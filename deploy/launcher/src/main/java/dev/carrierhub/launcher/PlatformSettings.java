package dev.carrierhub.launcher;

import dev.carrierhub.devstack.Database;
import dev.carrierhub.devstack.DevStack;
import java.util.HashMap;
import java.util.Map;

/**
 * What every service is given by the platform it runs on, as a pod's environment would give it: the Kafka
 * brokers, its own database and where to send its traces.
 */
final class PlatformSettings {
    private PlatformSettings() {
    }

    static Map<String, String> of(String service, DevStack stack, OtlpTraceReceiver traces) {
        Map<String, String> config = new HashMap<>();
        Database db = stack.database(service.replace('-', '_'));
        config.put("kafka.bootstrap.servers", stack.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
        config.put("quarkus.datasource.reactive.url", db.reactiveUrl());
        config.put("quarkus.datasource.username", db.username());
        config.put("quarkus.datasource.password", db.password());
        config.put("quarkus.otel.exporter.otlp.traces.endpoint", traces.endpoint().toString());
        config.put("quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf");
        config.put("quarkus.otel.bsp.schedule.delay", "200ms");
        config.put("quarkus.log.console.json.enabled", "false");
        return config;
    }
}
