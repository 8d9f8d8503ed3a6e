package dev.carrierhub.devstack;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the dev stack for a local run and keeps it up until Ctrl-C.
 *
 * <p>Arguments: the databases to create (default {@value DevStackTestResource#DEFAULT_DATABASE}). The printed
 * lines are environment assignments that make other processes use this stack as external servers.
 */
public final class DevStackMain {

    private DevStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // jboss-logmanager is on the class path (through quarkus-test-common) and complains when the JDK's
        // LogManager is used before it is declared; tests get this from Surefire, a plain main has to set it.
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        List<String> databases = args.length == 0 ? List.of(DevStackTestResource.DEFAULT_DATABASE) : List.of(args);
        DevStack stack = DevStack.start();
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C runs shutdown hooks: stop the servers there, then let main return.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "devstack-main-shutdown"));

        System.out.println(DevStackConfig.envName(DevStackConfig.KAFKA_BOOTSTRAP_SERVERS) + "="
                + stack.bootstrapServers());
        Database server = stack.database("postgres");
        System.out.println(DevStackConfig.envName(DevStackConfig.POSTGRES_JDBC_URL) + "=" + server.jdbcUrl());
        System.out.println(DevStackConfig.envName(DevStackConfig.POSTGRES_USERNAME) + "=" + server.username());
        System.out.println(DevStackConfig.envName(DevStackConfig.POSTGRES_PASSWORD) + "=" + server.password());
        for (String name : databases) {
            Database db = stack.database(name);
            System.out.println("# " + name + ": " + db.jdbcUrl() + "  (reactive " + db.reactiveUrl() + ")");
        }
        stack.kafkaBroker().ifPresent(broker -> System.out.println("# Kafka broker started in "
                + broker.startupTime().toMillis() + " ms, log " + broker.logFile()));
        stack.postgresServer().ifPresent(postgres -> System.out.println("# PostgreSQL started in "
                + postgres.startupTime().toMillis() + " ms"));
        System.out.println("# Dev stack running; Ctrl-C stops it.");
        stopped.await();
    }
}
