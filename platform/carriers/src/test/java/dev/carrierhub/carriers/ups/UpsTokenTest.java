package dev.carrierhub.carriers.ups;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.carrierhub.carriers.ups.UpsFixtures.done;
import static dev.carrierhub.carriers.ups.UpsFixtures.failure;
import static dev.carrierhub.carriers.ups.UpsWireMock.TOKEN_PATH;
import static dev.carrierhub.carriers.ups.UpsWireMock.TRACK_PATH;
import static dev.carrierhub.carriers.ups.UpsWireMock.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.TrackingResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OAuth token: fetched once, shared, renewed shortly before it expires, and refreshed once on a 401. */
class UpsTokenTest {
    @RegisterExtension
    static WireMockExtension ups = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private UpsWireMock stand;
    private UpsConnector connector;

    @BeforeEach
    void setUp() {
        stand = new UpsWireMock(ups);
        connector = stand.connector();
        ups.stubFor(get(urlEqualTo(TRACK_PATH)).willReturn(json(200, "track-200-delivered.json")));
    }

    @Test
    void oneTokenServesManyCalls() {
        stand.tokenAnswers("token-200.json");

        for (int i = 0; i < 5; i++) {
            done(connector.track("1ZA1B2C30390000017"));
        }

        ups.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        ups.verify(5, getRequestedFor(urlEqualTo(TRACK_PATH))
                .withHeader("Authorization", equalTo("Bearer test-access-token-1")));
    }

    @Test
    void concurrentFirstCallsWaitForOneTokenTogether() {
        ups.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(json(200, "token-200.json").withFixedDelay(300)));

        List<CompletableFuture<TrackingResult>> calls = IntStream.range(0, 8)
                .mapToObj(i -> connector.track("1ZA1B2C30390000017").toCompletableFuture()).toList();
        calls.forEach(UpsFixtures::done);

        ups.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        ups.verify(8, getRequestedFor(urlEqualTo(TRACK_PATH)));
    }

    @Test
    void theTokenIsRenewedAMinuteBeforeItExpires() {
        tokensInTurn();

        done(connector.track("1ZA1B2C30390000017"));
        stand.clock.advance(Duration.ofSeconds(14399 - 61));
        done(connector.track("1ZA1B2C30390000017"));
        ups.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));

        stand.clock.advance(Duration.ofSeconds(2));
        done(connector.track("1ZA1B2C30390000017"));

        ups.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        ups.verify(1, getRequestedFor(urlEqualTo(TRACK_PATH))
                .withHeader("Authorization", equalTo("Bearer test-access-token-2")));
    }

    @Test
    void aRefusedTokenIsReplacedOnceAndTheCallRepeated() {
        tokensInTurn();
        ups.stubFor(get(urlEqualTo(TRACK_PATH)).withHeader("Authorization", equalTo("Bearer test-access-token-1"))
                .willReturn(json(401, "error-401.json")));
        ups.stubFor(get(urlEqualTo(TRACK_PATH)).withHeader("Authorization", equalTo("Bearer test-access-token-2"))
                .willReturn(json(200, "track-200-delivered.json")));

        TrackingResult result = done(connector.track("1ZA1B2C30390000017"));

        assertThat(result.events()).hasSize(7);
        ups.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        ups.verify(2, getRequestedFor(urlEqualTo(TRACK_PATH)));
        // The fresh token is kept for the next call.
        done(connector.track("1ZA1B2C30390000017"));
        ups.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void aSecond401IsAuthFailedWithoutAThirdTry() {
        tokensInTurn();
        ups.stubFor(get(urlEqualTo(TRACK_PATH)).willReturn(json(401, "error-401.json")));

        CarrierException e = failure(connector.track("1ZA1B2C30390000017"));

        assertThat(e.kind()).isEqualTo(CarrierErrorKind.AUTH_FAILED);
        assertThat(e.carrierMessage()).contains("Invalid Authentication Information.");
        ups.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        ups.verify(2, getRequestedFor(urlEqualTo(TRACK_PATH)));
    }

    @Test
    void wrongClientCredentialsAreAuthFailedAndTheApiIsNotCalled() {
        ups.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(json(401, "token-401.json")));

        CarrierException e = failure(connector.track("1ZA1B2C30390000017"));

        assertThat(e.kind()).isEqualTo(CarrierErrorKind.AUTH_FAILED);
        assertThat(e.getMessage()).contains("ClientId is Invalid").doesNotContain(UpsFixtures.CLIENT_SECRET);
        ups.verify(0, getRequestedFor(urlEqualTo(TRACK_PATH)));
    }

    @Test
    void aTokenQuotaExceededIsRateLimitedAndTheNextCallAsksAgain() {
        ups.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("quota").whenScenarioStateIs(STARTED)
                .willReturn(json(429, "token-429.json").withHeader("Retry-After", "30")).willSetStateTo("ok"));
        ups.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("quota").whenScenarioStateIs("ok")
                .willReturn(json(200, "token-200.json")));

        CarrierException e = failure(connector.track("1ZA1B2C30390000017"));
        done(connector.track("1ZA1B2C30390000017"));

        assertThat(e.kind()).isEqualTo(CarrierErrorKind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        ups.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    /** The token endpoint hands out token 1, then token 2. */
    private static void tokensInTurn() {
        ups.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs(STARTED)
                .willReturn(json(200, "token-200.json")).willSetStateTo("second"));
        ups.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"access_token\":\"test-access-token-2\","
                        + "\"expires_in\":\"14399\",\"status\":\"approved\"}")));
    }
}
