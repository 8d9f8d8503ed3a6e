package dev.carrierhub.devstack;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the stack runs: external servers when configured, otherwise servers it starts itself.
 *
 * <p>Each key is read as a system property first, then as an environment variable (upper case, dots and dashes
 * as underscores, e.g. {@code CARRIERHUB_KAFKA_BOOTSTRAP_SERVERS}).
 *
 * @param kafkaBootstrapServers an external broker; empty to start one
 * @param postgresJdbcUrl an external server, e.g. {@code jdbc:postgresql://db:5432/postgres}; the database
 *     part is replaced by the name each caller asks for; empty to start one
 * @param postgresUsername user for the external server
 * @param postgresPassword password for the external server
 * @param workDir where started servers keep their files; empty for a new temporary directory
 */
public record DevStackConfig(
        Optional<String> kafkaBootstrapServers,
        Optional<String> postgresJdbcUrl,
        String postgresUsername,
        String postgresPassword,
        Optional<Path> workDir) {

    public static final String KAFKA_BOOTSTRAP_SERVERS = "carrierhub.kafka.bootstrap-servers";
    public static final String POSTGRES_JDBC_URL = "carrierhub.postgres.jdbc-url";
    public static final String POSTGRES_USERNAME = "carrierhub.postgres.username";
    public static final String POSTGRES_PASSWORD = "carrierhub.postgres.password";
    public static final String WORK_DIR = "carrierhub.devstack.dir";

    /** Everything started locally, in a new temporary directory. */
    public static DevStackConfig local() {
        return new DevStackConfig(Optional.empty(), Optional.empty(), PostgresServer.USERNAME,
                PostgresServer.PASSWORD, Optional.empty());
    }

    /** Reads the keys above from system properties and the environment. */
    public static DevStackConfig fromEnvironment() {
        return from(System::getProperty, System.getenv());
    }

    static DevStackConfig from(UnaryOperator<String> properties, Map<String, String> env) {
        return new DevStackConfig(
                lookup(KAFKA_BOOTSTRAP_SERVERS, properties, env),
                lookup(POSTGRES_JDBC_URL, properties, env),
                lookup(POSTGRES_USERNAME, properties, env).orElse(PostgresServer.USERNAME),
                lookup(POSTGRES_PASSWORD, properties, env).orElse(PostgresServer.PASSWORD),
                lookup(WORK_DIR, properties, env).map(Path::of));
    }

    public DevStackConfig withKafkaBootstrapServers(String bootstrapServers) {
        return new DevStackConfig(Optional.of(bootstrapServers), postgresJdbcUrl, postgresUsername,
                postgresPassword, workDir);
    }

    public DevStackConfig withPostgres(String jdbcUrl, String username, String password) {
        return new DevStackConfig(kafkaBootstrapServers, Optional.of(jdbcUrl), username, password, workDir);
    }

    public DevStackConfig withWorkDir(Path dir) {
        return new DevStackConfig(kafkaBootstrapServers, postgresJdbcUrl, postgresUsername, postgresPassword,
                Optional.of(dir));
    }

    /** The environment variable that stands for a key. */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Optional<String> lookup(String key, UnaryOperator<String> properties, Map<String, String> env) {
        String value = properties.apply(key);
        if (value == null || value.isBlank()) {
            value = env.get(envName(key));
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }
}
