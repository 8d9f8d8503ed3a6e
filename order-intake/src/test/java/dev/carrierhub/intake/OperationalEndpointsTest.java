package dev.carrierhub.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.carrierhub.devstack.DevStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What Kubernetes, Prometheus and API users see of the service. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "order_intake"))
@WithTestResource(RecordedOdooTestResource.class)
class OperationalEndpointsTest {

    @Test
    void readinessCoversTheDatabaseKafkaAndTheOutboxRelay() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("outbox-relay", "Reactive PostgreSQL connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesPrometheusMetricsOpenApiAndSwaggerUi() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/webhooks/odoo/{tenant}"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
