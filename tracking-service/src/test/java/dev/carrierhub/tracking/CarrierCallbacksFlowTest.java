package dev.carrierhub.tracking;

import static io.restassured.RestAssured.given;
import static dev.carrierhub.tracking.AppliedCallbacks.applied;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.carrierhub.carriers.easypost.EasyPostWebhookSignature;
import dev.carrierhub.carriers.fedex.FedExWebhookSignature;
import dev.carrierhub.carriers.sendcloud.SendcloudWebhookSignature;
import dev.carrierhub.carriers.shipengine.ShipEngineWebhookSignature;
import dev.carrierhub.carriers.shippo.ShippoWebhookSignature;
import dev.carrierhub.carriers.ups.UpsTrackAlertCredential;
import dev.carrierhub.contracts.Topics;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ShipmentLabeled;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.ShipmentIds;
import dev.carrierhub.devstack.DevStackTestResource;
import dev.carrierhub.testsupport.KafkaProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real carriers' callbacks end to end, on real Kafka and PostgreSQL: for each carrier a signed callback is
 * stored once and moves the milestone, and a callback without that carrier's valid, fresh signature is refused
 * with nothing stored. Every payload here is our own, written to each carrier's documented shape.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "tracking_service"))
@WithTestResource(CarrierCallbacksTestResource.class)
class CarrierCallbacksFlowTest {
    private static final String TENANT = "globex";
    private static final AtomicLong NUMBERS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 100);
    private static final DateTimeFormatter UPS_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UPS_TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Pool database;

    /** Injected by {@link CarrierCallbacksTestResource}. */
    WireMockServer carriers;

    /** Injected by {@link CarrierCallbacksTestResource}: the key ShipEngine signs with in this run. */
    KeyPair shipEngineKey;

    KafkaProbe kafka;

    @BeforeEach
    void probe() {
        kafka = new KafkaProbe(bootstrapServers);
    }

    /** The carriers whose callbacks are taken, each with its own scheme. */
    enum Carrier {
        EASYPOST, SHIPPO, SENDCLOUD, UPS, FEDEX, SHIPENGINE
    }

    @ParameterizedTest
    @EnumSource(Carrier.class)
    void aSignedCallbackIsStoredOnceAndMovesTheMilestone(Carrier carrier) {
        Scheme scheme = scheme(carrier);
        long pickingId = NUMBERS.incrementAndGet();
        String shipmentId = ShipmentIds.forPicking(TENANT, pickingId);
        String trackingNumber = scheme.trackingNumber();
        kafka.send(labeled(shipmentId, pickingId, scheme.carrier(), trackingNumber));
        awaitTracker(shipmentId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        byte[] first = scheme.first(trackingNumber, now.minus(2, ChronoUnit.HOURS), now);
        assertThat(applied(database, post(scheme.carrier(), first, scheme.sign(first, now))))
                .isEqualTo(new AppliedCallbacks.Applied("stored", shipmentId));
        given().get("/shipments/{id}/tracking", shipmentId).then().statusCode(200)
                .body("milestone", equalTo(scheme.firstMilestone().name()));

        byte[] delivered = scheme.delivered(trackingNumber, now.minus(1, ChronoUnit.HOURS), now);
        Map<String, String> headers = scheme.sign(delivered, now);
        assertThat(applied(database, post(scheme.carrier(), delivered, headers)).outcome()).isEqualTo("stored");
        assertThat(applied(database, post(scheme.carrier(), delivered, headers)).outcome()).isEqualTo("duplicate");

        given().get("/shipments/{id}/tracking", shipmentId).then().statusCode(200)
                .body("carrier", equalTo(scheme.carrier()))
                .body("milestone", equalTo("DELIVERED"))
                .body("proofOfDelivery.signedBy", scheme.signer() == null ? nullValue() : equalTo(scheme.signer()))
                .body("events", hasSize(2));
        assertThat(count("select count(*) from tracking_callback where tracking_number = $1", trackingNumber))
                .as("every verified copy is kept as received").isEqualTo(3);
        assertThat(count("select count(*) from outbox_event where topic = $1 and subject = $2", Topics.TRACKING_UPDATED,
                shipmentId)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Carrier.class)
    void aCallbackWithoutTheCarriersValidFreshSignatureIsRefusedAndNothingIsStored(Carrier carrier) {
        Scheme scheme = scheme(carrier);
        String trackingNumber = scheme.trackingNumber();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] body = scheme.delivered(trackingNumber, now.minus(1, ChronoUnit.HOURS), now);
        Map<String, String> headers = scheme.sign(body, now);
        byte[] tampered = Arrays.copyOf(body, body.length + 1);
        tampered[body.length] = ' ';

        post(scheme.carrier(), body, Map.of()).statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://carrierhub.dev/problems/invalid-signature"));
        post(scheme.carrier(), body, scheme.signWrongly(body, now)).statusCode(401);
        if (scheme.signsBody()) {
            post(scheme.carrier(), tampered, headers).statusCode(401);
        }
        if (scheme.signsTime()) {
            Instant old = now.minusSeconds(301);
            byte[] replayed = scheme.delivered(trackingNumber, now.minus(1, ChronoUnit.HOURS), old);
            post(scheme.carrier(), replayed, scheme.sign(replayed, old)).statusCode(401);
        }

        assertThat(count("select count(*) from tracking_callback where tracking_number = $1", trackingNumber)).isZero();
        assertThat(count("select count(*) from tracking_event where tracking_number = $1", trackingNumber)).isZero();
        // The same body, properly signed, is taken: the refusals were about the signatures alone.
        assertThat(applied(database, post(scheme.carrier(), body, headers)).outcome()).isEqualTo("orphan");
    }

    @Test
    void authenticCallbacksAboutSomethingElseAreKeptAndChangeNothing() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] refund = ("{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"Event\","
                + "\"description\":\"refund.successful\",\"mode\":\"test\",\"created_at\":\"" + now + "\","
                + "\"result\":{\"id\":\"rfnd_1\",\"object\":\"Refund\",\"status\":\"refunded\"}}").getBytes(StandardCharsets.UTF_8);
        byte[] integration = ("{\"action\":\"integration_updated\",\"timestamp\":" + now.getEpochSecond()
                + ",\"integration\":{\"id\":4711}}").getBytes(StandardCharsets.UTF_8);

        String refundId = post("easypost", refund, scheme(Carrier.EASYPOST).sign(refund, now)).statusCode(202)
                .body("outcome", equalTo("ignored")).body("eventId", nullValue()).extract().path("callbackId");
        String integrationId = post("sendcloud", integration, scheme(Carrier.SENDCLOUD).sign(integration, now)).statusCode(202)
                .body("outcome", equalTo("ignored")).extract().path("callbackId");

        assertThat(count("select count(*) from tracking_callback where id in ($1, $2) and outcome = 'IGNORED'",
                UUID.fromString(refundId), UUID.fromString(integrationId))).isEqualTo(2);
        assertThat(count("select count(*) from tracking_event where callback_id in ($1, $2)",
                UUID.fromString(refundId), UUID.fromString(integrationId))).isZero();
    }

    @Test
    void aShipEngineKeyThatIsNotPublishedIsRefusedAndKeysThatCannotBeFetchedAskForARetry() {
        Scheme shipengine = scheme(Carrier.SHIPENGINE);
        String trackingNumber = shipengine.trackingNumber();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] body = shipengine.delivered(trackingNumber, now.minus(1, ChronoUnit.HOURS), now);
        Map<String, String> unknownKey = Map.of(
                ShipEngineWebhookSignature.KEY_ID_HEADER, "rotated-kid",
                ShipEngineWebhookSignature.SIGNATURE_HEADER, ShipEngineWebhookSignature.sign(shipEngineKey.getPrivate(), now.toString(), body),
                ShipEngineWebhookSignature.TIMESTAMP_HEADER, now.toString());

        post("shipengine", body, unknownKey).statusCode(401);
        CarrierCallbacksTestResource.jwksDown(carriers);
        try {
            post("shipengine", body, unknownKey).statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "60")
                    .body("type", equalTo("https://carrierhub.dev/problems/signature-keys-unavailable"));
            // A key already held needs no fetch: ShipEngine being down does not stop its callbacks.
            post("shipengine", body, shipengine.sign(body, now)).statusCode(202);
        } finally {
            CarrierCallbacksTestResource.publishJwks(carriers, shipEngineKey);
        }
        assertThat(count("select count(*) from tracking_callback where tracking_number = $1", trackingNumber)).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------ the carriers' schemes

    /** How one carrier's callbacks look and are signed, as far as these tests need. */
    private interface Scheme {
        String carrier();

        String trackingNumber();

        /** A first event that is not a delivery, from {@code at}, sent at {@code sentAt}. */
        byte[] first(String trackingNumber, Instant at, Instant sentAt);

        Milestone firstMilestone();

        /** The delivery, from {@code at}, sent at {@code sentAt}. */
        byte[] delivered(String trackingNumber, Instant at, Instant sentAt);

        /** Who signed for the delivery, as the carrier tells it (null when it does not). */
        String signer();

        /** The headers the carrier sends with {@code body}, signed at {@code sentAt}. */
        Map<String, String> sign(byte[] body, Instant sentAt);

        /** The same headers made with another secret or key. */
        Map<String, String> signWrongly(byte[] body, Instant sentAt);

        /** Whether a signature carries a time that is checked against the replay window. */
        boolean signsTime();

        /** Whether the body is signed; UPS Track Alert only repeats a credential. */
        default boolean signsBody() {
            return true;
        }
    }

    private Scheme scheme(Carrier carrier) {
        return switch (carrier) {
            case EASYPOST -> new EasyPost();
            case SHIPPO -> new Shippo();
            case SENDCLOUD -> new Sendcloud();
            case UPS -> new Ups();
            case FEDEX -> new FedEx();
            case SHIPENGINE -> new ShipEngine(shipEngineKey);
        };
    }

    private static final class EasyPost implements Scheme {
        public String carrier() {
            return "easypost";
        }

        public String trackingNumber() {
            return "9400" + NUMBERS.incrementAndGet();
        }

        public byte[] first(String trackingNumber, Instant at, Instant sentAt) {
            return event(trackingNumber, "in_transit", "arrived_at_facility", "Arrived at USPS Regional Facility", null, at);
        }

        public Milestone firstMilestone() {
            return Milestone.IN_TRANSIT;
        }

        public byte[] delivered(String trackingNumber, Instant at, Instant sentAt) {
            return event(trackingNumber, "delivered", "arrived_at_destination", "Delivered, In/At Mailbox", "M GARCIA", at);
        }

        public String signer() {
            return "M GARCIA";
        }

        public Map<String, String> sign(byte[] body, Instant sentAt) {
            return Map.of(EasyPostWebhookSignature.HEADER, EasyPostWebhookSignature.sign(CarrierCallbacksTestResource.EASYPOST_SECRET, body));
        }

        public Map<String, String> signWrongly(byte[] body, Instant sentAt) {
            return Map.of(EasyPostWebhookSignature.HEADER, EasyPostWebhookSignature.sign("another-secret", body));
        }

        public boolean signsTime() {
            return false;
        }

        private static byte[] event(String code, String status, String detail, String message, String signedBy, Instant at) {
            return ("{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"Event\",\"mode\":\"test\","
                    + "\"description\":\"tracker.updated\",\"created_at\":\"" + at + "\",\"result\":{\"id\":\"trk_" + code
                    + "\",\"object\":\"Tracker\",\"mode\":\"test\",\"tracking_code\":\"" + code + "\",\"status\":\"" + status
                    + "\",\"status_detail\":\"" + detail + "\",\"signed_by\":" + (signedBy == null ? "null" : "\"" + signedBy + "\"")
                    + ",\"carrier\":\"USPS\",\"tracking_details\":[{\"object\":\"TrackingDetail\",\"message\":\"" + message
                    + "\",\"status\":\"" + status + "\",\"status_detail\":\"" + detail + "\",\"datetime\":\"" + at
                    + "\",\"tracking_location\":{\"object\":\"TrackingLocation\",\"city\":\"REDONDO BEACH\",\"state\":\"CA\","
                    + "\"country\":\"US\",\"zip\":\"90277\"}}]}}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final class Shippo implements Scheme {
        public String carrier() {
            return "shippo";
        }

        public String trackingNumber() {
            return "9205" + NUMBERS.incrementAndGet();
        }

        public byte[] first(String trackingNumber, Instant at, Instant sentAt) {
            return track(trackingNumber, "TRANSIT", "package_accepted", at);
        }

        public Milestone firstMilestone() {
            return Milestone.IN_TRANSIT;
        }

        public byte[] delivered(String trackingNumber, Instant at, Instant sentAt) {
            return track(trackingNumber, "DELIVERED", "delivered", at);
        }

        public String signer() {
            return null;
        }

        public Map<String, String> sign(byte[] body, Instant sentAt) {
            return Map.of(ShippoWebhookSignature.HEADER,
                    ShippoWebhookSignature.sign(CarrierCallbacksTestResource.SHIPPO_SECRET, sentAt.getEpochSecond(), body));
        }

        public Map<String, String> signWrongly(byte[] body, Instant sentAt) {
            return Map.of(ShippoWebhookSignature.HEADER, ShippoWebhookSignature.sign("another-secret", sentAt.getEpochSecond(), body));
        }

        public boolean signsTime() {
            return true;
        }

        private static byte[] track(String trackingNumber, String status, String substatus, Instant at) {
            return ("{\"event\":\"track_updated\",\"test\":true,\"data\":{\"carrier\":\"usps\",\"tracking_number\":\""
                    + trackingNumber + "\",\"tracking_status\":{\"object_id\":\"" + UUID.randomUUID().toString().replace("-", "")
                    + "\",\"status\":\"" + status + "\",\"substatus\":{\"code\":\"" + substatus + "\",\"action_required\":false},"
                    + "\"status_details\":\"Scan: " + status + "\",\"status_date\":\"" + at + "\",\"location\":{\"city\":\"Spotsylvania\","
                    + "\"state\":\"VA\",\"zip\":\"22551\",\"country\":\"US\"}},\"tracking_history\":[]}}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final class Sendcloud implements Scheme {
        public String carrier() {
            return "sendcloud";
        }

        public String trackingNumber() {
            return "JJD" + NUMBERS.incrementAndGet();
        }

        public byte[] first(String trackingNumber, Instant at, Instant sentAt) {
            return statusChanged(trackingNumber, 5, "Sorted", at, sentAt);
        }

        public Milestone firstMilestone() {
            return Milestone.IN_TRANSIT;
        }

        public byte[] delivered(String trackingNumber, Instant at, Instant sentAt) {
            return statusChanged(trackingNumber, 11, "Delivered", at, sentAt);
        }

        public String signer() {
            return null;
        }

        public Map<String, String> sign(byte[] body, Instant sentAt) {
            return Map.of(SendcloudWebhookSignature.HEADER, SendcloudWebhookSignature.sign(CarrierCallbacksTestResource.SENDCLOUD_SECRET, body));
        }

        public Map<String, String> signWrongly(byte[] body, Instant sentAt) {
            return Map.of(SendcloudWebhookSignature.HEADER, SendcloudWebhookSignature.sign("another-secret", body));
        }

        public boolean signsTime() {
            return true;
        }

        private static byte[] statusChanged(String trackingNumber, int status, String message, Instant at, Instant sentAt) {
            return ("{\"action\":\"parcel_status_changed\",\"timestamp\":" + sentAt.getEpochSecond()
                    + ",\"carrier_status_change_timestamp\":" + at.getEpochSecond() + ",\"parcel\":{\"id\":383707310,"
                    + "\"tracking_number\":\"" + trackingNumber + "\",\"status\":{\"id\":" + status + ",\"message\":\"" + message
                    + "\"}}}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final class Ups implements Scheme {
        public String carrier() {
            return "ups";
        }

        public String trackingNumber() {
            return "1ZCH" + NUMBERS.incrementAndGet();
        }

        /** UPS's trap: type D without a delivery date is "loaded on delivery vehicle". */
        public byte[] first(String trackingNumber, Instant at, Instant sentAt) {
            return activity(trackingNumber, "D", "DP", "Loaded on Delivery Vehicle", at, "");
        }

        public Milestone firstMilestone() {
            return Milestone.OUT_FOR_DELIVERY;
        }

        public byte[] delivered(String trackingNumber, Instant at, Instant sentAt) {
            return activity(trackingNumber, "D", "KB", "Delivered", at, ",\"actualDeliveryDate\":\"" + UPS_DATE.format(at)
                    + "\",\"actualDeliveryTime\":\"" + UPS_TIME.format(at) + "\",\"receivedBy\":\"PORCH\"");
        }

        public String signer() {
            return "PORCH";
        }

        public Map<String, String> sign(byte[] body, Instant sentAt) {
            return Map.of(UpsTrackAlertCredential.HEADER, CarrierCallbacksTestResource.UPS_CREDENTIAL);
        }

        public Map<String, String> signWrongly(byte[] body, Instant sentAt) {
            return Map.of(UpsTrackAlertCredential.HEADER, CarrierCallbacksTestResource.UPS_CREDENTIAL + "-guessed");
        }

        public boolean signsTime() {
            return false;
        }

        public boolean signsBody() {
            return false;
        }

        private static byte[] activity(String trackingNumber, String type, String code, String description, Instant at,
                String more) {
            return ("{\"trackingNumber\":\"" + trackingNumber + "\",\"activityLocation\":{\"city\":\"ATLANTA\","
                    + "\"stateProvince\":\"GA\",\"country\":\"US\"},\"activityStatus\":{\"type\":\"" + type + "\",\"code\":\"" + code
                    + "\",\"description\":\"" + description + "\"},\"gmtActivityDate\":\"" + UPS_DATE.format(at)
                    + "\",\"gmtActivityTime\":\"" + UPS_TIME.format(at) + "\"" + more + "}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final class FedEx implements Scheme {
        public String carrier() {
            return "fedex";
        }

        public String trackingNumber() {
            return "7948" + NUMBERS.incrementAndGet();
        }

        public byte[] first(String trackingNumber, Instant at, Instant sentAt) {
            return result(trackingNumber, "IT", "Arrived at FedEx location", at, "");
        }

        public Milestone firstMilestone() {
            return Milestone.IN_TRANSIT;
        }

        public byte[] delivered(String trackingNumber, Instant at, Instant sentAt) {
            return result(trackingNumber, "DL", "Delivered", at, ",\"deliveryDetails\":{\"signedByName\":\"J.SMITH\"},"
                    + "\"dateAndTimes\":[{\"type\":\"ACTUAL_DELIVERY\",\"dateTime\":\"" + local(at) + "\"}]");
        }

        public String signer() {
            return "J.SMITH";
        }

        public Map<String, String> sign(byte[] body, Instant sentAt) {
            return Map.of(FedExWebhookSignature.HEADER, FedExWebhookSignature.sign(CarrierCallbacksTestResource.FEDEX_TOKEN, body));
        }

        public Map<String, String> signWrongly(byte[] body, Instant sentAt) {
            return Map.of(FedExWebhookSignature.HEADER, FedExWebhookSignature.sign("another-token", body));
        }

        public boolean signsTime() {
            return false;
        }

        private static byte[] result(String trackingNumber, String code, String description, Instant at, String more) {
            return ("{\"transactionId\":\"" + UUID.randomUUID() + "\",\"output\":{\"completeTrackResults\":[{\"trackingNumber\":\""
                    + trackingNumber + "\",\"trackResults\":[{\"trackingNumberInfo\":{\"trackingNumber\":\"" + trackingNumber
                    + "\"},\"latestStatusDetail\":{\"code\":\"" + code + "\",\"derivedCode\":\"" + code + "\",\"description\":\""
                    + description + "\",\"scanLocation\":{\"city\":\"MEMPHIS\",\"stateOrProvinceCode\":\"TN\",\"countryCode\":\"US\"}},"
                    + "\"scanEvents\":[{\"date\":\"" + local(at) + "\",\"eventType\":\"" + code + "\",\"derivedStatusCode\":\"" + code
                    + "\",\"eventDescription\":\"" + description + "\"}]" + more + "}]}]}}").getBytes(StandardCharsets.UTF_8);
        }

        private static String local(Instant at) {
            return at.atOffset(ZoneOffset.ofHours(-6)).toString();
        }
    }

    private static final class ShipEngine implements Scheme {
        private final KeyPair key;

        ShipEngine(KeyPair key) {
            this.key = key;
        }

        public String carrier() {
            return "shipengine";
        }

        public String trackingNumber() {
            return "SE" + NUMBERS.incrementAndGet();
        }

        public byte[] first(String trackingNumber, Instant at, Instant sentAt) {
            return track(trackingNumber, "IT", "OUT_FOR_DELIVERY", "On vehicle for delivery", "", at);
        }

        public Milestone firstMilestone() {
            return Milestone.OUT_FOR_DELIVERY;
        }

        public byte[] delivered(String trackingNumber, Instant at, Instant sentAt) {
            return track(trackingNumber, "DE", "DELIVERED", "Delivered", "JOHN", at);
        }

        public String signer() {
            return "JOHN";
        }

        public Map<String, String> sign(byte[] body, Instant sentAt) {
            return headers(key, body, sentAt);
        }

        public Map<String, String> signWrongly(byte[] body, Instant sentAt) {
            return headers(OTHER_KEY, body, sentAt);
        }

        public boolean signsTime() {
            return true;
        }

        private static Map<String, String> headers(KeyPair key, byte[] body, Instant sentAt) {
            String timestamp = sentAt.toString();
            return Map.of(ShipEngineWebhookSignature.KEY_ID_HEADER, CarrierCallbacksTestResource.SHIPENGINE_KID,
                    ShipEngineWebhookSignature.SIGNATURE_HEADER, ShipEngineWebhookSignature.sign(key.getPrivate(), timestamp, body),
                    ShipEngineWebhookSignature.TIMESTAMP_HEADER, timestamp);
        }

        private static byte[] track(String trackingNumber, String status, String detail, String description, String signer,
                Instant at) {
            return ("{\"resource_url\":\"https://api.shipengine.com/v1/tracking?carrier_code=ups&tracking_number=" + trackingNumber
                    + "\",\"resource_type\":\"API_TRACK\",\"data\":{\"tracking_number\":\"" + trackingNumber + "\",\"status_code\":\""
                    + status + "\",\"status_detail_code\":\"" + detail + "\",\"carrier_code\":\"ups\",\"events\":[{\"occurred_at\":\""
                    + at + "\",\"description\":\"" + description + "\",\"city_locality\":\"CHARLOTTE\",\"state_province\":\"NC\","
                    + "\"country_code\":\"US\",\"signer\":\"" + signer + "\",\"status_code\":\"" + status
                    + "\",\"status_detail_code\":\"" + detail + "\"}]}}").getBytes(StandardCharsets.UTF_8);
        }

        /** A key ShipEngine does not publish: its signatures must not verify. */
        private static final KeyPair OTHER_KEY = otherKey();

        private static KeyPair otherKey() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static ShipmentLabeled labeled(String shipmentId, long pickingId, String carrier, String trackingNumber) {
        return new ShipmentLabeled(shipmentId, new OdooPickingRef(TENANT, pickingId, "WH/OUT/" + pickingId, "S" + pickingId),
                carrier, "STANDARD", carrier + "_" + pickingId, trackingNumber, Money.of("8.70", "USD"), Money.of("8.70", "USD"),
                List.of(), Instant.now());
    }

    private static void awaitTracker(String shipmentId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/shipments/{id}/tracking", shipmentId).then().statusCode(200));
    }

    private static ValidatableResponse post(String carrier, byte[] body, Map<String, String> headers) {
        return given().contentType(ContentType.JSON).headers(headers).body(body).post("/callbacks/{carrier}", carrier).then();
    }

    private long count(String sql, Object... params) {
        return database.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
