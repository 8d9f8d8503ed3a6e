package dev.carrierhub.intake;

import dev.carrierhub.testsupport.OperatorTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.carrierhub.devstack.DevStackTestResource;
import dev.carrierhub.intake.WriteBackOdooTestResource.InjectOdoo;
import dev.carrierhub.odoo.recordings.RecordedOdoo;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The onboarding API against the recorded Odoo 18 of tenant {@value SweepOdooTestResource#TENANT}. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "order_intake_sweep"))
@WithTestResource(SweepOdooTestResource.class)
class TenantOnboardingAdminTest {
    private static final String TENANT = SweepOdooTestResource.TENANT;
    private static final String ONBOARDING = "/admin/tenants/{tenant}/onboarding";

    @InjectOdoo
    RecordedOdoo odoo;

    @Test
    void createsTheRulesInTheTenantsOdooWithItsTokenAndReportsWhatItDid() {
        int createsBefore = odoo.calls("base.automation", "create").size();

        String report = given().auth().oauth2(OperatorTokens.operator()).contentType(ContentType.JSON)
                .body("{\"intakeUrl\": \"https://hub.example.com\"}")
                .post(ONBOARDING, TENANT).then().statusCode(200)
                .body("serverVersion", equalTo("18.0-20250506"))
                .body("majorVersion", equalTo(18))
                .body("rules.name", contains("Carrier Hub: delivery ready", "Carrier Hub: delivery cancelled"))
                .body("rules.outcome", contains("CREATED", "CREATED"))
                .extract().asString();

        List<RecordedOdoo.Call> creates = odoo.calls("base.automation", "create");
        assertThat(creates).hasSize(createsBefore + 2);
        assertThat(creates.get(createsBefore).args().at("/0/action_server_ids/0/2/webhook_url").asText())
                .isEqualTo("https://hub.example.com/webhooks/odoo/" + TENANT + "?token=" + SweepOdooTestResource.TOKEN);
        assertThat(report).as("the token goes to Odoo, never back to the caller")
                .doesNotContain(SweepOdooTestResource.TOKEN);
    }

    @Test
    void anOdooTooOldIsAProblemAndNothingIsCreated() {
        StubMapping old = odoo.server().stubFor(post(urlEqualTo("/jsonrpc")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.params.method", WireMock.equalTo("version")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": {\"server_version\": \"16.0\", "
                                + "\"server_version_info\": [16, 0, 0, \"final\", 0, \"\"]}}")));
        int createsBefore = odoo.calls("base.automation", "create").size();
        try {
            given().auth().oauth2(OperatorTokens.operator()).contentType(ContentType.JSON)
                    .body("{\"intakeUrl\": \"https://hub.example.com\"}")
                    .post(ONBOARDING, TENANT).then().statusCode(422).contentType("application/problem+json")
                    .body("detail", containsString("Odoo 17 or later"));
        } finally {
            odoo.server().removeStub(old);
        }
        assertThat(odoo.calls("base.automation", "create")).hasSize(createsBefore);
    }

    @Test
    void badRequestsAndOtherTenantsOperatorsAreRefusedWithProblems() {
        given().contentType(ContentType.JSON).body("{\"intakeUrl\": \"https://hub.example.com\"}")
                .post(ONBOARDING, TENANT).then().statusCode(401);
        given().auth().oauth2(OperatorTokens.token("other", Set.of("operator"), List.of("acme")))
                .contentType(ContentType.JSON).body("{\"intakeUrl\": \"https://hub.example.com\"}")
                .post(ONBOARDING, TENANT).then().statusCode(403);
        given().auth().oauth2(OperatorTokens.operator()).contentType(ContentType.JSON).body("{}")
                .post(ONBOARDING, TENANT).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("intakeUrl"));
        given().auth().oauth2(OperatorTokens.operator()).contentType(ContentType.JSON)
                .body("{\"intakeUrl\": \"https://hub.example.com\", \"protocol\": \"xml-rpc\"}")
                .post(ONBOARDING, TENANT).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(OperatorTokens.operator()).contentType(ContentType.JSON)
                .body("{\"intakeUrl\": \"https://hub.example.com\"}")
                .post(ONBOARDING, "nobody").then().statusCode(404).contentType("application/problem+json");
    }
}
