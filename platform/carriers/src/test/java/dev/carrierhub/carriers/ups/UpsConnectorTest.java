package dev.carrierhub.carriers.ups;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.carrierhub.carriers.ups.UpsFixtures.KEY;
import static dev.carrierhub.carriers.ups.UpsFixtures.done;
import static dev.carrierhub.carriers.ups.UpsFixtures.failure;
import static dev.carrierhub.carriers.ups.UpsFixtures.text;
import static dev.carrierhub.carriers.ups.UpsWireMock.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.Capabilities;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.carriers.VoidResult;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Money;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every operation against a UPS stand-in: the request goes to the right URL with the right method, headers
 * and golden body, and the recorded answer comes back as the canonical result.
 */
class UpsConnectorTest {
    @RegisterExtension
    static WireMockExtension ups = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private UpsWireMock stand;
    private UpsConnector connector;

    @BeforeEach
    void setUp() {
        stand = new UpsWireMock(ups);
        stand.tokenAnswers("token-200.json");
        connector = stand.connector();
    }

    @Test
    void theTokenIsAskedForWithBasicClientCredentialsAndAFormBody() {
        ups.stubFor(get(urlEqualTo(UpsWireMock.TRACK_PATH)).willReturn(json(200, "track-200-delivered.json")));

        done(connector.track("1ZA1B2C30390000017"));

        String basic = Base64.getEncoder().encodeToString(
                (UpsFixtures.CLIENT_ID + ":" + UpsFixtures.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        ups.verify(1, postRequestedFor(urlEqualTo(UpsWireMock.TOKEN_PATH))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalTo("grant_type=client_credentials")));
    }

    @Test
    void rateShopsEveryServiceWithTheGoldenRequest() {
        ups.stubFor(post(urlEqualTo(UpsWireMock.SHOP_PATH)).willReturn(json(200, "rate-shop-200.json")));

        RateResult result = done(connector.rate(UpsFixtures.domesticUs()));

        ups.verify(1, api(postRequestedFor(urlEqualTo(UpsWireMock.SHOP_PATH)))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(text("rate-shop-request.golden.json"), false, false)));
        assertThat(result.quotes()).extracting(Quote::serviceCode, Quote::price)
                .containsExactly(tuple("03", Money.of("17.12", "USD")), tuple("02", Money.of("48.75", "USD")),
                        tuple("01", Money.of("96.10", "USD")), tuple("17", Money.of("19.05", "USD")));
    }

    @Test
    void shoppingWithTransitTimesUsesItsRequestOption() {
        ups.stubFor(post(urlEqualTo("/api/rating/v2409/Shoptimeintransit")).willReturn(json(200, "rate-shop-200.json")));
        UpsConnector withTransit = stand.connector(UpsFixtures.settings(stand.baseUri()).withTimeInTransit(true));

        done(withTransit.rate(UpsFixtures.domesticUs()));

        ups.verify(1, api(postRequestedFor(urlEqualTo("/api/rating/v2409/Shoptimeintransit")))
                .withRequestBody(equalToJson(text("rate-shop-time-in-transit-request.golden.json"), false, false)));
    }

    @Test
    void rateOfOneServiceUsesTheRateOptionAndTheConfiguredVersion() {
        ups.stubFor(post(urlEqualTo("/api/rating/v2501/Rate")).willReturn(json(200, "rate-200.json")));
        UpsConnector v2501 = stand.connector(UpsFixtures.settings(stand.baseUri()).withApiVersion("v2501"));

        RateResult result = done(v2501.rate(UpsFixtures.usToCanada(), "11"));

        ups.verify(1, api(postRequestedFor(urlEqualTo("/api/rating/v2501/Rate")))
                .withRequestBody(equalToJson(text("rate-request.golden.json"), false, false)));
        assertThat(result.quotes()).extracting(Quote::serviceCode).containsExactly("11");
    }

    @Test
    void shipSendsTheGoldenRequestAndReturnsOneLabelPerParcel() {
        ups.stubFor(post(urlEqualTo(UpsWireMock.SHIP_PATH)).willReturn(json(200, "ship-200.json")));

        BookingResult booking = done(connector.ship(UpsFixtures.domesticUs(), "03", KEY));

        ups.verify(1, api(postRequestedFor(urlEqualTo(UpsWireMock.SHIP_PATH)))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(text("ship-request.golden.json"), false, false)));
        assertThat(booking.carrierShipmentId()).isEqualTo("1ZA1B2C30390000017");
        assertThat(booking.price()).isEqualTo(Money.of("21.43", "USD"));
        assertThat(booking.labels()).extracting(Label::parcelReference, Label::format)
                .containsExactly(tuple("P1", Label.PDF), tuple("P2", Label.PDF));
    }

    @Test
    void voidDeletesByTheShipmentNumberInUpperCase() {
        ups.stubFor(delete(urlEqualTo(UpsWireMock.VOID_PATH)).willReturn(json(200, "void-200.json")));

        VoidResult result = done(connector.voidLabel("1za1b2c30390000017"));

        ups.verify(1, api(deleteRequestedFor(urlEqualTo(UpsWireMock.VOID_PATH))));
        assertThat(result.alreadyVoided()).isFalse();
        assertThat(result.carrierShipmentId()).isEqualTo("1za1b2c30390000017");
    }

    @Test
    void trackGetsTheDetailsOfOneNumber() {
        ups.stubFor(get(urlEqualTo(UpsWireMock.TRACK_PATH)).willReturn(json(200, "track-200-delivered.json")));

        TrackingResult result = done(connector.track(" 1ZA1B2C30390000017 "));

        ups.verify(1, api(getRequestedFor(urlEqualTo(UpsWireMock.TRACK_PATH))));
        assertThat(result.milestone()).isEqualTo(Milestone.DELIVERED);
        assertThat(result.events()).hasSize(7);
    }

    @Test
    void everyCallCarriesItsOwnTransactionId() {
        ups.stubFor(get(urlEqualTo(UpsWireMock.TRACK_PATH)).willReturn(json(200, "track-200-delivered.json")));

        done(connector.track("1ZA1B2C30390000017"));
        done(connector.track("1ZA1B2C30390000017"));

        ups.verify(1, getRequestedFor(urlEqualTo(UpsWireMock.TRACK_PATH))
                .withHeader("transId", equalTo("00000000000000000000000000000001")));
        ups.verify(1, getRequestedFor(urlEqualTo(UpsWireMock.TRACK_PATH))
                .withHeader("transId", equalTo("00000000000000000000000000000002")));
    }

    @Test
    void anAddressErrorIsInvalidRequestWithUpsCodeAndMessage() {
        ups.stubFor(post(urlEqualTo(UpsWireMock.SHIP_PATH)).willReturn(json(400, "error-400-two.json")));

        CarrierException e = failure(connector.ship(UpsFixtures.domesticUs(), "03", KEY));

        assertThat(e.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("120202: Missing or invalid ship to StateProvinceCode");
        assertThat(e.carrierField()).contains("Shipment.ShipTo.Address.StateProvinceCode");
    }

    @Test
    void throttlingIsRateLimitedWithRetryAfter() {
        ups.stubFor(post(urlEqualTo(UpsWireMock.SHOP_PATH))
                .willReturn(json(429, "error-429.json").withHeader("Retry-After", "12")));

        CarrierException e = failure(connector.rate(UpsFixtures.domesticUs()));

        assertThat(e.kind()).isEqualTo(CarrierErrorKind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
    }

    @Test
    void serverTroubleIsTransientAndAnOutageIsUnavailable() {
        ups.stubFor(post(urlEqualTo(UpsWireMock.SHOP_PATH)).willReturn(json(500, "error-500.json")));
        ups.stubFor(get(urlEqualTo(UpsWireMock.TRACK_PATH)).willReturn(json(503, "error-503.json")));

        assertThat(failure(connector.rate(UpsFixtures.domesticUs())).kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
        assertThat(failure(connector.track("1ZA1B2C30390000017")).kind()).isEqualTo(CarrierErrorKind.UNAVAILABLE);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsTransient() {
        ups.stubFor(post(urlEqualTo(UpsWireMock.SHOP_PATH))
                .willReturn(json(200, "rate-shop-200.json").withFixedDelay(1500)));
        UpsConnector impatient = stand.connector(UpsSettings.of(stand.baseUri(), UpsFixtures.CLIENT_ID,
                UpsFixtures.CLIENT_SECRET, UpsFixtures.ACCOUNT, Duration.ofMillis(300)));

        CarrierException e = failure(impatient.rate(UpsFixtures.domesticUs()));

        assertThat(e.kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
    }

    @Test
    void aRefusedConnectionIsUnavailable() {
        UpsConnector nowhere = stand.connector(UpsFixtures.settings(URI.create("http://127.0.0.1:1")));

        assertThat(failure(nowhere.rate(UpsFixtures.domesticUs())).kind()).isEqualTo(CarrierErrorKind.UNAVAILABLE);
    }

    @Test
    void hazardousShipmentsAreNeitherQuotedNorBookedAndUpsIsNotAsked() {
        RateResult quotes = done(connector.rate(UpsFixtures.hazardous()));
        CarrierException booking = failure(connector.ship(UpsFixtures.hazardous(), "03", KEY));

        assertThat(quotes.quotes()).isEmpty();
        assertThat(quotes.messages()).extracting(m -> m.code()).containsExactly("hazardous_not_supported");
        assertThat(booking.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(booking.carrierField()).contains("hazardous");
        assertThat(ups.getAllServeEvents()).isEmpty();
    }

    @Test
    void capabilitiesSayWhatTheConnectorDoes() {
        Capabilities capabilities = connector.capabilities();

        assertThat(capabilities).isEqualTo(new Capabilities(true, true, true, true, false, true, false, Set.of(Label.PDF)));
        assertThat(stand.connector(UpsFixtures.settings(stand.baseUri()).withLabelFormat(UpsLabelFormat.ZPL))
                .capabilities().labelFormats()).containsExactly(Label.ZPL);
        assertThat(connector.carrier()).isEqualTo("ups");
    }

    @Test
    void trackersAreNotRegisteredBecauseUpsPushIsNotOffered() {
        assertThatThrownBy(() -> connector.registerTracker("1ZA1B2C30390000017", URI.create("https://x.example/cb"))
                .toCompletableFuture().get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringHidesTheClientSecret() {
        assertThat(connector.toString()).contains(UpsFixtures.CLIENT_ID).doesNotContain(UpsFixtures.CLIENT_SECRET);
    }

    /** Headers every API call carries. */
    private static RequestPatternBuilder api(RequestPatternBuilder request) {
        return request
                .withHeader("Authorization", equalTo("Bearer test-access-token-1"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("transId", matching("[0-9]{32}"))
                .withHeader("transactionSrc", equalTo("carrierhub"));
    }
}
