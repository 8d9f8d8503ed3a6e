package dev.carrierhub.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** One real stack for the whole class: starting it is the expensive part. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevStackTest {

    private static DevStack stack;

    @BeforeAll
    static void startStack() {
        stack = DevStack.start(DevStackConfig.local());
        System.out.printf("Kafka broker started in %d ms, PostgreSQL in %d ms%n",
                stack.kafkaBroker().orElseThrow().startupTime().toMillis(),
                stack.postgresServer().orElseThrow().startupTime().toMillis());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    @Order(1)
    void producesAndConsumesOneRecord() throws Exception {
        String topic = "devstack-smoke-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "shipment-1", "created")).get();
        }

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "devstack-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
            assertThat(received).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("shipment-1");
                assertThat(record.value()).isEqualTo("created");
            });
        }
    }

    @Test
    @Order(2)
    void createsDatabasesOnceAndAnswersQueries() throws SQLException {
        Database db = stack.database("label_service");
        // A second request for the same database is no error (several test classes share one server).
        assertThat(stack.database("label_service")).isEqualTo(db);

        int port = stack.postgresServer().orElseThrow().port();
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/label_service");
        assertThat(db.reactiveUrl()).isEqualTo("postgresql://127.0.0.1:" + port + "/label_service");
        assertThat(selectOne(db)).isEqualTo(1);
    }

    @Test
    @Order(3)
    void externalServersStartNothing() throws Exception {
        Database server = stack.database("postgres");
        List<ProcessHandle> brokersBefore = brokerProcesses();

        try (DevStack external = DevStack.start(DevStackConfig.local()
                .withKafkaBootstrapServers(stack.bootstrapServers())
                .withPostgres(server.jdbcUrl() + "?ApplicationName=devstack-test", server.username(),
                        server.password()))) {
            assertThat(external.kafkaBroker()).isEmpty();
            assertThat(external.postgresServer()).isEmpty();
            assertThat(external.workDir()).isEmpty();
            assertThat(brokerProcesses()).containsExactlyInAnyOrderElementsOf(brokersBefore);
            assertThat(external.bootstrapServers()).isEqualTo(stack.bootstrapServers());

            // On an external server the database is the caller's business: label_service exists (test 2).
            Database db = external.database("label_service");
            assertThat(db.jdbcUrl()).isEqualTo(stack.database("label_service").jdbcUrl()
                    + "?ApplicationName=devstack-test");
            assertThat(db.reactiveUrl()).isEqualTo(stack.database("label_service").reactiveUrl());
            assertThat(selectOne(db)).isEqualTo(1);
        }
        // Closing an external stack leaves the servers alone.
        assertThat(stack.kafkaBroker().orElseThrow().process().isAlive()).isTrue();
        assertThat(isListening(stack.postgresServer().orElseThrow().port())).isTrue();
    }

    @Test
    @Order(4)
    void testResourceHandsOverQuarkusConfiguration() {
        Database server = stack.database("postgres");
        System.setProperty(DevStackConfig.KAFKA_BOOTSTRAP_SERVERS, stack.bootstrapServers());
        System.setProperty(DevStackConfig.POSTGRES_JDBC_URL, server.jdbcUrl());
        try {
            DevStackTestResource resource = new DevStackTestResource();
            resource.init(Map.of(DevStackTestResource.DATABASE_ARG, "label_service"));
            Map<String, String> config = resource.start();
            Database db = stack.database("label_service");
            assertThat(config).containsOnly(
                    Map.entry("kafka.bootstrap.servers", stack.bootstrapServers()),
                    Map.entry("quarkus.datasource.jdbc.url", db.jdbcUrl()),
                    Map.entry("quarkus.datasource.reactive.url", db.reactiveUrl()),
                    Map.entry("quarkus.datasource.username", "postgres"),
                    Map.entry("quarkus.datasource.password", "postgres"));
            resource.stop();
        } finally {
            System.clearProperty(DevStackConfig.KAFKA_BOOTSTRAP_SERVERS);
            System.clearProperty(DevStackConfig.POSTGRES_JDBC_URL);
        }
    }

    @Test
    @Order(50)
    void kafkaComesBackOnTheSameAddressWithItsRecords() throws Exception {
        KafkaBroker broker = stack.kafkaBroker().orElseThrow();
        String topic = "devstack-restart-" + UUID.randomUUID();
        String bootstrap = stack.bootstrapServers();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "shipment-1", "before the restart")).get();
        }
        ProcessHandle first = broker.process();

        broker.stop();
        assertThat(first.isAlive()).isFalse();
        assertThat(isListening(broker.port())).as("Kafka port while stopped").isFalse();
        broker.startAgain();

        assertThat(broker.process().pid()).isNotEqualTo(first.pid());
        assertThat(stack.bootstrapServers()).isEqualTo(bootstrap);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "devstack-restart-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> received.add(record.value()));
                return !received.isEmpty();
            });
            assertThat(received).containsExactly("before the restart");
        }
    }

    @Test
    @Order(51)
    void postgresComesBackOnTheSamePortWithItsRows() throws SQLException {
        PostgresServer postgres = stack.postgresServer().orElseThrow();
        Database db = stack.database("restart_check");
        execute(db, "create table parcel (id text primary key)");
        execute(db, "insert into parcel values ('before the restart')");

        postgres.stopForRestart();
        assertThat(isListening(postgres.port())).as("PostgreSQL port while stopped").isFalse();
        assertThat(postgres.startAgain()).isPositive();

        assertThat(stack.database("restart_check")).isEqualTo(db);
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select id from parcel")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("before the restart");
        }
    }

    @Test
    @Order(100)
    void stopLeavesNoServerBehind() {
        ProcessHandle broker = stack.kafkaBroker().orElseThrow().process();
        int postgresPort = stack.postgresServer().orElseThrow().port();
        int kafkaPort = stack.kafkaBroker().orElseThrow().port();
        assertThat(broker.isAlive()).isTrue();

        stack.stop();

        assertThat(broker.isAlive()).isFalse();
        assertThat(ProcessHandle.of(broker.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(isListening(postgresPort)).as("PostgreSQL port after stop").isFalse();
        assertThat(isListening(kafkaPort)).as("Kafka port after stop").isFalse();
        assertThat(stack.workDir().orElseThrow()).doesNotExist();
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int selectOne(Database db) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select 1")) {
            assertThat(rows.next()).isTrue();
            return rows.getInt(1);
        }
    }

    private static List<ProcessHandle> brokerProcesses() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(
                        "dev.carrierhub.devstack.broker.KafkaBrokerMain")).orElse(false))
                .toList();
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
