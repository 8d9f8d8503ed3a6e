package dev.carrierhub.carriers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox's wire behaviour as any HTTP client sees it: status codes, JSON errors, admin endpoints. */
class SandboxHttpApiTest {
    private SandboxCarrierServer sandbox;

    @BeforeEach
    void start() {
        sandbox = new SandboxCarrierServer(SandboxServerConfig.defaults("whsec_test")).start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private URI at(String path) {
        return sandbox.baseUri().resolve(path);
    }

    private static String shipBody() {
        return Resources.text("ship-request.golden.json");
    }

    @Test
    void bindsLoopbackOnAFreePort() {
        assertThat(sandbox.port()).isPositive();
        assertThat(sandbox.baseUri()).hasToString("http://127.0.0.1:" + sandbox.port());
    }

    @Test
    void aBookingWithoutIdempotencyKeyIsA400() {
        HttpResponse<String> response = Http.send("POST", at("/v1/shipments"), shipBody());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).at("/error/code").asText()).isEqualTo("idempotency_key_required");
        assertThat(sandbox.stats().bookings()).isZero();
    }

    @Test
    void aReplayedKeyAnswers200InsteadOf201() {
        assertThat(Http.send("POST", at("/v1/shipments"), shipBody(), "Idempotency-Key", "k").statusCode()).isEqualTo(201);
        assertThat(Http.send("POST", at("/v1/shipments"), shipBody(), "Idempotency-Key", "k").statusCode()).isEqualTo(200);
    }

    @Test
    void findingAnUnknownKeyIsAJson404() {
        HttpResponse<String> response = Http.send("GET", at("/v1/shipments?idempotency_key=nope"), null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(Http.json(response).at("/error/code").asText()).isEqualTo("not_found");
    }

    @Test
    void voidingTwiceIsA409AndVoidingTheUnknownA404() {
        String id = Http.json(Http.send("POST", at("/v1/shipments"), shipBody(), "Idempotency-Key", "k")).path("id").asText();

        assertThat(Http.send("POST", at("/v1/shipments/" + id + "/void"), null).statusCode()).isEqualTo(200);
        assertThat(Http.send("POST", at("/v1/shipments/" + id + "/void"), null).statusCode()).isEqualTo(409);
        assertThat(Http.send("POST", at("/v1/shipments/shp_nope/void"), null).statusCode()).isEqualTo(404);
    }

    @Test
    void unreadableJsonIsA400() {
        HttpResponse<String> response = Http.send("POST", at("/v1/rates"), "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).at("/error/code").asText()).isEqualTo("invalid_json");
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() {
        assertThat(Http.send("GET", at("/v2/nothing"), null).statusCode()).isEqualTo(404);
        assertThat(Http.send("DELETE", at("/v1/rates"), null).statusCode()).isEqualTo(405);
    }

    @Test
    void withAnApiKeyEveryRequestNeedsTheBearerToken() {
        try (SandboxCarrierServer guarded = new SandboxCarrierServer(
                SandboxServerConfig.defaults("whsec_test").withApiKey("sk_test_1")).start()) {
            HttpResponse<String> anonymous = Http.send("GET", guarded.baseUri().resolve("/admin/stats"), null);

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(Http.json(anonymous).at("/error/code").asText()).isEqualTo("unauthorized");
            assertThat(Http.send("GET", guarded.baseUri().resolve("/admin/stats"), null,
                    "Authorization", "Bearer sk_test_1").statusCode()).isEqualTo(200);
            assertThat(Http.send("GET", guarded.baseUri().resolve("/admin/stats"), null,
                    "Authorization", "Bearer sk_test_2").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void behaviourCanBeReadOverHttp() {
        JsonNode behaviour = Http.json(Http.send("GET", at("/admin/behaviour"), null));

        assertThat(behaviour.path("latency_ms").asLong()).isZero();
        assertThat(behaviour.path("failure_rate").asDouble()).isZero();
        assertThat(behaviour.path("rate_limit_rate").asDouble()).isZero();
        assertThat(behaviour.path("retry_after_seconds").asLong()).isEqualTo(1);
        assertThat(behaviour.path("outage").asBoolean()).isFalse();
        assertThat(behaviour.path("hang").asBoolean()).isFalse();
    }

    @Test
    void behaviourChangesOverHttpOnlyTouchTheGivenSwitches() {
        sandbox.behaviour().rateLimitRate(0.25);

        HttpResponse<String> response = Http.send("PUT", at("/admin/behaviour"),
                "{\"latency_ms\": 40, \"failure_rate\": 0.5, \"outage\": true, \"retry_after_seconds\": 4}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sandbox.behaviour().latency()).isEqualTo(Duration.ofMillis(40));
        assertThat(sandbox.behaviour().failureRate()).isEqualTo(0.5);
        assertThat(sandbox.behaviour().outage()).isTrue();
        assertThat(sandbox.behaviour().retryAfter()).isEqualTo(Duration.ofSeconds(4));
        assertThat(sandbox.behaviour().rateLimitRate()).isEqualTo(0.25);
        assertThat(Http.json(response).path("latency_ms").asLong()).isEqualTo(40);
    }

    @Test
    void anInvalidBehaviourChangeIsRefusedWhole() {
        HttpResponse<String> response = Http.send("PUT", at("/admin/behaviour"), "{\"outage\": true, \"failure_rate\": 2}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Http.json(response).at("/error/field").asText()).isEqualTo("failure_rate");
        assertThat(sandbox.behaviour().outage()).isFalse();
    }

    @Test
    void aHangCanBeSwitchedOnAndOffOverHttp() {
        Http.send("PUT", at("/admin/behaviour"), "{\"hang\": true}");
        assertThat(sandbox.behaviour().hanging()).isTrue();

        Http.send("PUT", at("/admin/behaviour"), "{\"hang\": false}");
        assertThat(sandbox.behaviour().hanging()).isFalse();
    }

    @Test
    void statsCountBookingsRequestsAndVoids() {
        Http.send("POST", at("/v1/rates"), shipBody());
        String id = Http.json(Http.send("POST", at("/v1/shipments"), shipBody(), "Idempotency-Key", "k")).path("id").asText();
        Http.send("POST", at("/v1/shipments"), shipBody(), "Idempotency-Key", "k");
        Http.send("POST", at("/v1/shipments/" + id + "/void"), null);

        JsonNode stats = Http.json(Http.send("GET", at("/admin/stats"), null));

        assertThat(stats.path("rate_requests").asLong()).isEqualTo(1);
        assertThat(stats.path("bookings").asLong()).isEqualTo(1);
        assertThat(stats.path("booking_requests").asLong()).isEqualTo(2);
        assertThat(stats.path("voids").asLong()).isEqualTo(1);
        assertThat(stats.path("callbacks_delivered").asLong()).isZero();
        assertThat(stats.path("callbacks_failed").asLong()).isZero();
    }

    @Test
    void oversizedBodiesAreRefused() {
        HttpResponse<String> response = Http.send("POST", at("/v1/rates"), "x".repeat(ApiRequest.MAX_BODY_BYTES + 1));

        assertThat(response.statusCode()).isEqualTo(413);
    }
}
