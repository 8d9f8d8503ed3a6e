package dev.carrierhub.devstack.broker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a single combined KRaft node (broker + controller) of Apache Kafka in this JVM, for tests and local runs.
 *
 * <p>Usage: {@code KafkaBrokerMain <work-dir> <port> <controller-port>}, or the system properties
 * {@value #DIR_PROPERTY}, {@value #PORT_PROPERTY} and {@value #CONTROLLER_PORT_PROPERTY}.
 * When standard input reaches end of file the JVM exits, so that the broker never outlives the process that
 * started it (the parent keeps the pipe open; the kernel closes it even when the parent is killed with -9).
 * Set {@value #EXIT_ON_STDIN_EOF_PROPERTY}=false to run it by hand with stdin detached.
 */
public final class KafkaBrokerMain {

    public static final String DIR_PROPERTY = "carrierhub.broker.dir";
    public static final String PORT_PROPERTY = "carrierhub.broker.port";
    public static final String CONTROLLER_PORT_PROPERTY = "carrierhub.broker.controller-port";
    public static final String EXIT_ON_STDIN_EOF_PROPERTY = "carrierhub.broker.exit-on-stdin-eof";

    /** The class path of this module, written by the build (maven-dependency-plugin build-classpath). */
    public static final String CLASSPATH_RESOURCE = "META-INF/carrierhub/kafka-broker.classpath";

    private static final int DEFAULT_PORT = 9092;
    private static final int DEFAULT_CONTROLLER_PORT = 9093;

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path workDir = Path.of(arg(args, 0, DIR_PROPERTY, "kafka-broker")).toAbsolutePath();
        int port = Integer.parseInt(arg(args, 1, PORT_PROPERTY, Integer.toString(DEFAULT_PORT)));
        int controllerPort = Integer.parseInt(
                arg(args, 2, CONTROLLER_PORT_PROPERTY, Integer.toString(DEFAULT_CONTROLLER_PORT)));

        // Before anything touches Kafka classes: slf4j-simple reads its settings once, at first use.
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.out");

        if (Boolean.parseBoolean(System.getProperty(EXIT_ON_STDIN_EOF_PROPERTY, "true"))) {
            exitWhenStdinCloses();
        }

        Files.createDirectories(workDir);
        Path config = writeServerProperties(workDir, port, controllerPort);
        format(config, workDir.resolve("data"));

        System.out.println("Starting Kafka broker on 127.0.0.1:" + port + " (controller " + controllerPort + ")");
        // kafka.Kafka registers its own shutdown hook, so System.exit (from the stdin watcher or a SIGTERM)
        // shuts the broker down cleanly.
        kafka.Kafka.main(new String[] {config.toString()});
    }

    private static String arg(String[] args, int index, String property, String fallback) {
        if (args.length > index && !args[index].isBlank()) {
            return args[index];
        }
        return System.getProperty(property, fallback);
    }

    /** Writes server.properties for one node that is both broker and KRaft controller; returns its path. */
    static Path writeServerProperties(Path workDir, int port, int controllerPort) throws IOException {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        // A static quorum: format needs no --standalone, and a changed port on restart is no problem.
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("log.dirs", workDir.resolve("data").toString());

        // One node: every internal topic must accept a single replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        // Fewer partitions for internal topics: creating 50 of each is what makes a first group join slow.
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.num.partitions", "5");

        // Tests join groups one after the other: no reason to wait for more members.
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        props.put("num.partitions", "3");

        StringBuilder text = new StringBuilder("# Written by KafkaBrokerMain\n");
        props.forEach((key, value) -> text.append(key).append('=').append(escape(value)).append('\n'));
        Path file = workDir.resolve("server.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String escape(String value) {
        // Properties syntax treats a backslash as an escape (Windows paths); nothing else we write needs it.
        return value.replace("\\", "\\\\");
    }

    /** Formats the log directory once; a directory formatted by an earlier run is kept as it is. */
    private static void format(Path config, Path logDir) {
        // --ignore-formatted alone is not enough: Kafka 4 compares the stored cluster id with the new random one
        // and refuses a restart. A meta.properties means an earlier run formatted it.
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        // execute() rather than main(): StorageTool.main ends with System.exit.
        int code = kafka.tools.StorageTool.execute(
                new String[] {"format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"},
                System.out);
        if (code != 0) {
            throw new IllegalStateException("kafka-storage format failed with exit code " + code);
        }
    }

    /** Starts a daemon thread that ends the JVM once standard input is closed. */
    private static void exitWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) >= 0) {
                    // Whatever the parent writes is ignored; only the end of the stream matters.
                }
            } catch (IOException e) {
                // A broken pipe means the parent is gone as surely as an EOF does.
            }
            System.out.println("Standard input closed: the parent process is gone, stopping the broker");
            System.exit(0);
        }, "stdin-eof-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
