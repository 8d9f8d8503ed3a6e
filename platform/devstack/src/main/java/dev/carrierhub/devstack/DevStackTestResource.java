package dev.carrierhub.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a Quarkus test at the shared {@link DevStack}: Kafka plus one PostgreSQL database.
 *
 * <p>Use {@code @QuarkusTestResource(value = DevStackTestResource.class,
 * initArgs = @ResourceArg(name = "database", value = "label_service"))}; the database defaults to
 * {@value #DEFAULT_DATABASE}.
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    public static final String DEFAULT_DATABASE = "carrierhub";

    private String database = DEFAULT_DATABASE;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE_ARG, DEFAULT_DATABASE);
    }

    @Override
    public Map<String, String> start() {
        DevStack stack = DevStack.shared();
        Database db = stack.database(database);
        return Map.of(
                "kafka.bootstrap.servers", stack.bootstrapServers(),
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.reactive.url", db.reactiveUrl(),
                "quarkus.datasource.username", db.username(),
                "quarkus.datasource.password", db.password());
    }

    @Override
    public void stop() {
        // Nothing: the shared stack serves every test class of this JVM and stops when the JVM exits.
    }
}
