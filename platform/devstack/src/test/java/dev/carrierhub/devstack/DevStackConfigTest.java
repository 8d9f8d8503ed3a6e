package dev.carrierhub.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DevStackConfigTest {

    @Test
    void systemPropertiesWinOverEnvironment() {
        Map<String, String> props = Map.of("carrierhub.kafka.bootstrap-servers", "kafka:9092");
        Map<String, String> env = Map.of(
                "CARRIERHUB_KAFKA_BOOTSTRAP_SERVERS", "ignored:9092",
                "CARRIERHUB_POSTGRES_JDBC_URL", "jdbc:postgresql://db:5432/postgres",
                "CARRIERHUB_POSTGRES_USERNAME", "app",
                "CARRIERHUB_POSTGRES_PASSWORD", "secret",
                "CARRIERHUB_DEVSTACK_DIR", "/var/tmp/devstack");

        DevStackConfig config = DevStackConfig.from(props::get, env);

        assertThat(config.kafkaBootstrapServers()).contains("kafka:9092");
        assertThat(config.postgresJdbcUrl()).contains("jdbc:postgresql://db:5432/postgres");
        assertThat(config.postgresUsername()).isEqualTo("app");
        assertThat(config.postgresPassword()).isEqualTo("secret");
        assertThat(config.workDir()).contains(Path.of("/var/tmp/devstack"));
    }

    @Test
    void nothingConfiguredMeansEverythingLocal() {
        DevStackConfig config = DevStackConfig.from(key -> null, Map.of("CARRIERHUB_KAFKA_BOOTSTRAP_SERVERS", " "));

        assertThat(config).isEqualTo(DevStackConfig.local());
        assertThat(config.kafkaBootstrapServers()).isEqualTo(Optional.empty());
        assertThat(config.postgresUsername()).isEqualTo("postgres");
    }

    @Test
    void externalUrlsAreRewrittenPerDatabase() {
        String server = "jdbc:postgresql://db.internal:5433/postgres?sslmode=require";

        assertThat(PostgresUrls.jdbcUrl(server, "billing"))
                .isEqualTo("jdbc:postgresql://db.internal:5433/billing?sslmode=require");
        assertThat(PostgresUrls.reactiveUrl(server, "billing")).isEqualTo("postgresql://db.internal:5433/billing");
        assertThatThrownBy(() -> PostgresUrls.jdbcUrl("jdbc:mysql://x/y", "z"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
