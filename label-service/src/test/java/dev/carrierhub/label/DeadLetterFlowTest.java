package dev.carrierhub.label;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.carrierhub.carriers.sandbox.SandboxCarrierServer;
import dev.carrierhub.contracts.EventType;
import dev.carrierhub.contracts.Json;
import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.events.ShipmentRated;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.core.deadletter.DeadLetters;
import dev.carrierhub.devstack.DevStackTestResource;
import dev.carrierhub.testsupport.KafkaProbe;
import dev.carrierhub.testsupport.OperatorTokens;
import dev.carrierhub.testsupport.SandboxCarrierTestResource;
import dev.carrierhub.testsupport.TestShipments;
import io.agroal.api.AgroalDataSource;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Poison records on label-service's topics end in its dead-letter topics and then in its store, where an
 * operator lists them and replays them to the topic they came from.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "label_service"))
@WithTestResource(SandboxCarrierTestResource.class)
class DeadLetterFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RATED_DLQ = Topics.deadLetter(Topics.SHIPMENT_RATED);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry meters;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DeadLetters deadLetters;

    KafkaProbe kafka;

    @BeforeEach
    void probe() {
        kafka = new KafkaProbe(bootstrapServers);
    }

    @Test
    void aRecordThatIsNotACloudEventIsDeadLetteredAndListedWithItsReasonForOperatorsOnly() {
        String key = "poison-" + UUID.randomUUID();
        double receivedBefore = counter("carrierhub.deadletters.received", "topic", Topics.SHIPMENT_RATED);

        kafka.sendRaw(poison(key, "{\"hello\": \"not a cloud event\"}"));

        Map<String, Object> letter = awaitDeadLetters(key, 1).get(0);
        assertThat(letter).containsEntry("topic", Topics.SHIPMENT_RATED)
                .containsEntry("dlqTopic", RATED_DLQ)
                .containsEntry("key", key)
                .containsEntry("value", "{\"hello\": \"not a cloud event\"}")
                .containsEntry("valueEncoding", "text")
                .containsEntry("replayCount", 0);
        assertThat(letter.get("replayedAt")).isNull();
        assertThat((String) letter.get("reason")).contains("is not a CloudEvent");
        // SmallRye's dead-letter producer appends its own traceparent after the producer's headers.
        assertThat(headerNames(letter)).as("the producer's headers, not SmallRye's dead-letter ones")
                .startsWith("x-origin").noneMatch(name -> name.startsWith("dead-letter-"));
        ConsumerRecord<String, byte[]> dlq = kafka.records(RATED_DLQ, key).get(0);
        assertThat(KafkaProbe.header(dlq, "dead-letter-reason")).contains("is not a CloudEvent");
        assertThat(ids(operator())).as("listed without filters too").contains(((Number) letter.get("id")).longValue());
        assertThat(counter("carrierhub.deadletters.received", "topic", Topics.SHIPMENT_RATED))
                .isGreaterThan(receivedBefore);
        Gauge pending = meters.find("carrierhub.deadletters.pending").gauge();
        assertThat(pending).isNotNull();
        assertThat(pending.value()).isGreaterThanOrEqualTo(1);

        given().get("/admin/dead-letters").then().statusCode(401);
        given().post("/admin/dead-letters/{id}/replay", letter.get("id")).then().statusCode(401);
        String viewer = OperatorTokens.token("viewer@carrierhub.test", Set.of("viewer"), null);
        given().auth().oauth2(viewer).get("/admin/dead-letters").then().statusCode(403);
        given().auth().oauth2(viewer).post("/admin/dead-letters/{id}/replay", letter.get("id")).then().statusCode(403);
    }

    @Test
    void aReplaySendsTheOriginalRecordBackToItsTopicAndIsCountedAndAudited() throws SQLException {
        String key = "poison-" + UUID.randomUUID();
        kafka.sendRaw(poison(key, "not json at all"));
        long id = ((Number) awaitDeadLetters(key, 1).get(0).get("id")).longValue();
        double replayedBefore = counter("carrierhub.deadletters.replayed", "topic", Topics.SHIPMENT_RATED);

        given().auth().oauth2(OperatorTokens.operator()).post("/admin/dead-letters/{id}/replay", id).then()
                .statusCode(200)
                .body("id", equalTo((int) id))
                .body("replayCount", equalTo(1))
                .body("replayedAt", org.hamcrest.Matchers.notNullValue());

        List<ConsumerRecord<String, byte[]>> onTopic = kafka.records(Topics.SHIPMENT_RATED, key);
        assertThat(onTopic).as("the original and its replay").hasSize(2);
        ConsumerRecord<String, byte[]> replayed = onTopic.get(1);
        assertThat(new String(replayed.value(), StandardCharsets.UTF_8)).isEqualTo("not json at all");
        assertThat(KafkaProbe.header(replayed, "x-origin")).isEqualTo("test");
        assertThat(KafkaProbe.header(replayed, "carrierhub-replay-of-dead-letter")).isEqualTo(Long.toString(id));
        assertThat(replayed.headers()).extracting(Header::key).noneMatch(name -> name.startsWith("dead-letter-"));
        assertThat(counter("carrierhub.deadletters.replayed", "topic", Topics.SHIPMENT_RATED))
                .isGreaterThan(replayedBefore);
        assertThat(ids(operator().queryParam("replayed", "true"))).contains(id);
        assertThat(ids(operator().queryParam("replayed", "false"))).doesNotContain(id);
        assertThat(auditTransitions(id)).containsExactly("DEAD_LETTERED>REPLAYED");

        // Still poison: the replay is dead-lettered again, as a new dead letter that names the one replayed.
        List<Map<String, Object>> both = awaitDeadLetters(key, 2);
        assertThat(both.get(0)).containsEntry("replayCount", 0);
        assertThat(header(both.get(0), "carrierhub-replay-of-dead-letter")).isEqualTo(Long.toString(id));
        assertThat(both.get(1)).containsEntry("id", (int) id).containsEntry("replayCount", 1);
    }

    @Test
    void aDeadLetteredRatedEventIsBookedOnceHoweverOftenItIsReplayed() throws SQLException {
        Shipment shipment = TestShipments.domestic();
        long bookingsBefore = sandbox().stats().bookings();
        long requestsBefore = sandbox().stats().bookingRequests();
        // A valid rated event that failed while a bug existed: on the dead-letter topic as SmallRye puts it.
        kafka.sendRaw(deadLetteredRated(shipment));
        long id = ((Number) awaitDeadLetters(shipment.shipmentId(), 1).get(0).get("id")).longValue();
        assertThat(kafka.records(Topics.SHIPMENT_LABELED, shipment.shipmentId())).isEmpty();

        operator().post("/admin/dead-letters/{id}/replay", id).then().statusCode(200).body("replayCount", equalTo(1));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(kafka.records(Topics.SHIPMENT_LABELED, shipment.shipmentId())).hasSize(1));
        double duplicatesBefore = counter("carrierhub.events.consumed", "consumer", "label-service.shipment-rated",
                "outcome", "duplicate");

        operator().post("/admin/dead-letters/{id}/replay", id).then().statusCode(200).body("replayCount", equalTo(2));

        await().atMost(WAIT).until(() -> counter("carrierhub.events.consumed",
                "consumer", "label-service.shipment-rated", "outcome", "duplicate") >= duplicatesBefore + 1);
        assertThat(kafka.records(Topics.SHIPMENT_RATED, shipment.shipmentId())).hasSize(2);
        assertThat(kafka.records(Topics.SHIPMENT_LABELED, shipment.shipmentId())).hasSize(1);
        assertThat(sandbox().stats().bookings()).isEqualTo(bookingsBefore + 1);
        assertThat(sandbox().stats().bookingRequests()).isEqualTo(requestsBefore + 1);
        given().get("/shipments/{id}/booking", shipment.shipmentId()).then().body("state", equalTo("BOOKED"));
        assertThat(auditTransitions(id)).containsExactly("DEAD_LETTERED>REPLAYED", "REPLAYED>REPLAYED");
    }

    @Test
    void aDeadLetterConsumedTwiceIsStoredOnce() throws SQLException {
        long offset = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(RATED_DLQ, 0, offset, 0L,
                TimestampType.CREATE_TIME, 0, 0, "k".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3},
                new RecordHeaders(), Optional.empty());

        assertThat(deadLetters.store(record).await().atMost(WAIT)).isTrue();
        assertThat(deadLetters.store(record).await().atMost(WAIT)).as("a redelivery").isFalse();

        assertThat(count("select count(*) from dead_letter where dlq_topic = ? and dlq_offset = " + offset, RATED_DLQ))
                .isEqualTo(1);
    }

    @Test
    void unknownDeadLettersAndBadQueriesAreProblems() {
        operator().post("/admin/dead-letters/{id}/replay", Long.MAX_VALUE).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://carrierhub.dev/problems/dead-letter-not-found"));
        operator().post("/admin/dead-letters/{id}/replay", "latest").then().statusCode(404)
                .contentType("application/problem+json");
        operator().queryParam("limit", "0").get("/admin/dead-letters").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://carrierhub.dev/problems/invalid-query"));
        operator().queryParam("limit", "many").get("/admin/dead-letters").then().statusCode(400);
        operator().queryParam("replayed", "maybe").get("/admin/dead-letters").then().statusCode(400)
                .body("detail", equalTo("replayed is true or false; was 'maybe'."));
    }

    private static ProducerRecord<String, byte[]> poison(String key, String value) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.SHIPMENT_RATED, key, value.getBytes(StandardCharsets.UTF_8));
        record.headers().add("x-origin", "test".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static ProducerRecord<String, byte[]> deadLetteredRated(Shipment shipment) {
        Quote quote = new Quote("rate_test", "sandbox", "SBX_ECONOMY", ServiceLevel.ECONOMY,
                Money.of("6.90", "EUR"), 5);
        ShipmentRated rated = new ShipmentRated(shipment, quote, List.of(), "cheapest", Instant.now().minusSeconds(1));
        byte[] data;
        try {
            data = Json.mapper().writeValueAsBytes(rated);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withType(EventType.SHIPMENT_RATED.ceType()).withSource(URI.create("/carrierhub/test"))
                .withSubject(shipment.shipmentId()).withTime(OffsetDateTime.now())
                .withDataContentType("application/json").withData(data).build();
        ProducerRecord<String, byte[]> record =
                KafkaMessageFactory.createWriter(RATED_DLQ, shipment.shipmentId()).writeBinary(event);
        record.headers().add("dead-letter-reason", utf8("simulated: the rated consumer had a bug"))
                .add("dead-letter-topic", utf8(Topics.SHIPMENT_RATED))
                .add("dead-letter-partition", utf8("0"))
                .add("dead-letter-offset", utf8("0"));
        return record;
    }

    /** The dead letters stored under {@code key}, newest first, once there are {@code expected} of them. */
    private List<Map<String, Object>> awaitDeadLetters(String key, int expected) {
        List<Map<String, Object>> found = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            found.clear();
            found.addAll(operator().queryParam("topic", Topics.SHIPMENT_RATED).queryParam("limit", "1000")
                    .get("/admin/dead-letters").then().statusCode(200).extract().jsonPath()
                    .<Map<String, Object>>getList("findAll { it.key == '" + key + "' }"));
            assertThat(found).hasSize(expected);
        });
        return found;
    }

    private static List<Long> ids(io.restassured.specification.RequestSpecification request) {
        JsonPath body = request.queryParam("limit", "1000").get("/admin/dead-letters").then().statusCode(200).extract()
                .jsonPath();
        return body.getList("id", Long.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> headerNames(Map<String, Object> letter) {
        return ((List<Map<String, Object>>) letter.get("headers")).stream().map(h -> (String) h.get("name")).toList();
    }

    @SuppressWarnings("unchecked")
    private static String header(Map<String, Object> letter, String name) {
        return ((List<Map<String, Object>>) letter.get("headers")).stream().filter(h -> name.equals(h.get("name")))
                .map(h -> (String) h.get("value")).findFirst().orElse(null);
    }

    private static io.restassured.specification.RequestSpecification operator() {
        return given().auth().oauth2(OperatorTokens.operator());
    }

    private List<String> auditTransitions(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select from_state, to_state, detail "
                        + "from audit_entry where entity_type = 'dead-letter' and entity_id = ? order by id")) {
            statement.setString(1, Long.toString(id));
            List<String> transitions = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    assertThat(rows.getString("detail")).contains("by operator ops@carrierhub.test");
                    transitions.add(rows.getString("from_state") + ">" + rows.getString("to_state"));
                }
            }
            return transitions;
        }
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private double counter(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private static SandboxCarrierServer sandbox() {
        return SandboxCarrierTestResource.server();
    }
}
