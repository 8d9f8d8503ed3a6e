package dev.carrierhub.intake;

import dev.carrierhub.testsupport.OperatorTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.carrierhub.devstack.DevStackTestResource;
import dev.carrierhub.intake.service.MappingSeeder;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The admin API for mapping tables: operator JWTs only, scoped by the tenant in the path, versioned. */
@QuarkusTest
@TestProfile(GovernanceTestProfile.class)
@WithTestResource(value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "order_intake_governance"))
@WithTestResource(RecordedOdooTestResource.class)
class MappingAdminTest {
    private static final String MAPPINGS = "/admin/tenants/{tenant}/mappings";

    @Inject
    MappingSeeder seeder;

    @Test
    void withoutATokenTheAnswerIs401AsAProblem() {
        given().get(MAPPINGS, GovernanceTestProfile.ADMIN).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("type", equalTo("https://carrierhub.dev/problems/unauthorized"));
    }

    @Test
    void aTokenSignedByAnotherKeyIs401AsAProblem() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer(OperatorTokens.ISSUER).upn("mallory").groups(Set.of("operator"))
                .sign(generator.generateKeyPair().getPrivate());

        given().auth().oauth2(forged).get(MAPPINGS, GovernanceTestProfile.ADMIN).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("status", equalTo(401));
    }

    @Test
    void aStrayBearerTokenOnAnEndpointWithoutRolesIsIgnored() {
        given().auth().oauth2("not.a.jwt").get("/shipments/{id}", "does-not-exist").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void withoutTheOperatorRoleTheAnswerIs403AsAProblem() {
        as(token("viewer@carrierhub.test", Set.of("viewer"), null)).get(MAPPINGS, GovernanceTestProfile.ADMIN)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        as(token("viewer@carrierhub.test", Set.of("viewer"), null)).contentType(ContentType.JSON)
                .body(Map.of("carrier", "ups")).put(MAPPINGS + "/carriers/3", GovernanceTestProfile.ADMIN)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anOperatorSeesTheMappingsSeededFromConfiguration() {
        as(operator()).get(MAPPINGS, GovernanceTestProfile.MAPPED).then().statusCode(200)
                .body("tenant", equalTo(GovernanceTestProfile.MAPPED))
                .body("carriers", hasSize(1))
                .body("carriers[0].key", equalTo("3"))
                .body("carriers[0].version", equalTo(1))
                .body("carriers[0].changedBy", equalTo(MappingSeeder.CHANGED_BY))
                .body("carriers[0].source", equalTo("CONFIG"))
                .body("carriers[0].value.carrier", equalTo("sandbox"))
                .body("carriers[0].value.serviceCode", equalTo("SBX_ECONOMY"))
                .body("carriers[0].value.serviceLevel", equalTo("ECONOMY"))
                .body("warehouses", hasSize(0))
                .body("defaultParcel.value.length", equalTo(400))
                .body("defaultParcel.value.unit", equalTo("MM"));
        as(operator()).get(MAPPINGS, GovernanceTestProfile.ADMIN).then().statusCode(200)
                .body("warehouses[0].key", equalTo("1"))
                .body("warehouses[0].value.city", equalTo("Reno"))
                .body("warehouses[0].value.phone", equalTo("+17755550100"));
    }

    @Test
    void aPutCreatesANewVersionKeepsTheOldOneAndSurvivesAReseed() {
        String path = MAPPINGS + "/carriers/{id}";
        Map<String, String> express = Map.of("carrier", "ups", "serviceCode", "01", "serviceLevel", "EXPRESS");

        as(operator()).contentType(ContentType.JSON).body(express).put(path, GovernanceTestProfile.ADMIN, 3)
                .then().statusCode(200)
                .body("created", equalTo(true))
                .body("mapping.version", equalTo(2))
                .body("mapping.changedBy", equalTo("olivia@carrierhub.test"))
                .body("mapping.source", equalTo("API"))
                .body("mapping.value.serviceLevel", equalTo("EXPRESS"));
        as(operator()).contentType(ContentType.JSON).body(express).put(path, GovernanceTestProfile.ADMIN, 3)
                .then().statusCode(200)
                .body("created", equalTo(false))
                .body("mapping.version", equalTo(2));

        as(operator()).get(MAPPINGS, GovernanceTestProfile.ADMIN).then().statusCode(200)
                .body("carriers[0].version", equalTo(2))
                .body("carriers[0].value.serviceCode", equalTo("01"));
        as(operator()).queryParam("kind", "carriers").queryParam("key", "3")
                .get(MAPPINGS + "/versions", GovernanceTestProfile.ADMIN).then().statusCode(200)
                .body("versions.version", contains(2, 1))
                .body("versions.value.serviceCode", contains("01", "03"))
                .body("versions.changedBy", contains("olivia@carrierhub.test", MappingSeeder.CHANGED_BY));

        int created = seeder.seed().await().atMost(Duration.ofSeconds(30));

        assertThat(created).as("the same configuration seeded again creates no version").isZero();
        as(operator()).get(MAPPINGS + "/versions", GovernanceTestProfile.ADMIN).then().statusCode(200)
                .body("versions.findAll { it.kind == 'CARRIER' }.version", contains(2, 1))
                .body("versions.findAll { it.kind == 'WAREHOUSE' }.version", contains(1));
        as(operator()).get(MAPPINGS, GovernanceTestProfile.ADMIN).then()
                .body("carriers[0].value.serviceCode", equalTo("01"));
    }

    @Test
    void aDefaultParcelAndAWarehouseCanBeSetAndAnInvalidAddressIsRefused() {
        as(operator()).contentType(ContentType.JSON)
                .body(Map.of("length", 300, "width", 200, "height", 100, "unit", "mm", "packageType", "Box S"))
                .put(MAPPINGS + "/default-parcel", GovernanceTestProfile.ADMIN)
                .then().statusCode(200)
                .body("created", equalTo(true))
                .body("mapping.kind", equalTo("DEFAULT_PARCEL"))
                .body("mapping.version", equalTo(1));

        as(operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "Initech East", "street1", "2 Harbor St", "city", "Boston", "postalCode", "2110",
                        "stateCode", "MA", "countryCode", "US"))
                .put(MAPPINGS + "/warehouses/{id}", GovernanceTestProfile.ADMIN, 2)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors", hasItem(org.hamcrest.Matchers.startsWith("address.postal-code.invalid")));
        as(operator()).contentType(ContentType.JSON).body(Map.of("serviceLevel", "FAST"))
                .put(MAPPINGS + "/carriers/{id}", GovernanceTestProfile.ADMIN, 9)
                .then().statusCode(422)
                .body("errors", hasSize(2));
        as(operator()).contentType(ContentType.JSON).body(Map.of("carrier", "ups"))
                .put(MAPPINGS + "/carriers/{id}", GovernanceTestProfile.ADMIN, "not-an-id")
                .then().statusCode(422);
    }

    @Test
    void aTokenForOneTenantCannotReadOrChangeAnothersMappings() {
        String initechOnly = token("olivia@carrierhub.test", Set.of("operator"), List.of(GovernanceTestProfile.ADMIN));

        as(initechOnly).get(MAPPINGS, GovernanceTestProfile.ADMIN).then().statusCode(200);
        as(initechOnly).get(MAPPINGS, GovernanceTestProfile.MAPPED).then().statusCode(403)
                .contentType("application/problem+json");
        as(initechOnly).contentType(ContentType.JSON).body(Map.of("carrier", "ups"))
                .put(MAPPINGS + "/carriers/3", GovernanceTestProfile.MAPPED).then().statusCode(403);
        as(operator()).get(MAPPINGS, GovernanceTestProfile.MAPPED).then()
                .body("carriers[0].value.carrier", equalTo("sandbox"))
                .body("carriers[0].version", equalTo(1));
        as(operator()).get(MAPPINGS, "nobody").then().statusCode(404).contentType("application/problem+json");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static String operator() {
        return token("olivia@carrierhub.test", Set.of("operator"), null);
    }

    private static String token(String user, Set<String> groups, List<String> tenants) {
        return OperatorTokens.token(user, groups, tenants);
    }
}
