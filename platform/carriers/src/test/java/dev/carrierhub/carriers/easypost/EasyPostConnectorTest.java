package dev.carrierhub.carriers.easypost;


import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.carrierhub.carriers.testing.Await.done;
import static dev.carrierhub.carriers.testing.Await.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.carriers.VoidResult;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.shipment.Money;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector against a WireMock EasyPost: URLs, methods, headers, bodies, and the flows between calls. */
class EasyPostConnectorTest {
    private static final String API_KEY = "EZTK_test_key";
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((API_KEY + ":").getBytes(StandardCharsets.UTF_8));
    private static final byte[] PDF = "%PDF-1.4 label".getBytes(StandardCharsets.US_ASCII);
    private static final URI CALLBACK = URI.create("https://tracking.example/callbacks/easypost?tenant=acme");

    private WireMockServer easypost;
    private EasyPostConnector connector;

    @BeforeEach
    void start() {
        easypost = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        easypost.start();
        connector = connector(List.of());
    }

    @AfterEach
    void stop() {
        easypost.stop();
    }

    private EasyPostConnector connector(List<String> carrierAccounts) {
        return new EasyPostConnector(new EasyPostSettings(URI.create(easypost.baseUrl() + "/v2"), API_KEY,
                Duration.ofSeconds(2), Label.PDF, carrierAccounts, "whsec-easypost-test"));
    }

    private String recorded(String name) {
        return EasyPostResources.recorded(name, easypost.baseUrl());
    }

    private void answer(com.github.tomakehurst.wiremock.client.MappingBuilder request, int status, String file) {
        easypost.stubFor(request.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(recorded(file))));
    }

    private void servesTheLabel() {
        easypost.stubFor(get(urlEqualTo("/files/postage_label/shp_test_1.pdf"))
                .willReturn(aResponse().withHeader("Content-Type", "application/pdf").withBody(PDF)));
    }

    @Test
    void ratePostsTheGoldenShipmentWithBasicAuth() {
        answer(post(urlEqualTo("/v2/shipments")), 201, "shipment-created.json");

        RateResult result = done(connector.rate(EasyPostTestShipments.domestic()));

        assertThat(result.quotes()).hasSize(4);
        easypost.verify(postRequestedFor(urlEqualTo("/v2/shipments"))
                .withHeader("Authorization", equalTo(BASIC))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", equalTo(EasyPostConnector.USER_AGENT))
                .withRequestBody(equalToJson(EasyPostResources.text("rate-request.golden.json"))));
    }

    @Test
    void shipLooksUpTheKeyCreatesBuysTheChosenRateAndDownloadsTheLabelWithoutTheKey() {
        answer(get(urlEqualTo("/v2/shipments/label%3A9d5ed678%3A1")), 404, "error-404.json");
        answer(post(urlEqualTo("/v2/shipments")), 201, "shipment-created.json");
        answer(post(urlEqualTo("/v2/shipments/shp_test_1/buy")), 200, "shipment-bought.json");
        servesTheLabel();

        BookingResult booking = done(connector(List.of("ca_usps_test", "ca_ups_test"))
                .ship(EasyPostTestShipments.international(), "USPS:Priority", EasyPostTestShipments.KEY));

        assertThat(booking.carrierShipmentId()).isEqualTo("shp_test_1");
        assertThat(booking.trackingNumber()).isEqualTo("9405500208303109884175");
        assertThat(booking.price()).isEqualTo(Money.of("11.01", "USD"));
        assertThat(booking.labels()).containsExactly(new Label("P1", Label.PDF, PDF));
        easypost.verify(postRequestedFor(urlEqualTo("/v2/shipments"))
                .withRequestBody(equalToJson(EasyPostResources.text("ship-request.golden.json"))));
        easypost.verify(postRequestedFor(urlEqualTo("/v2/shipments/shp_test_1/buy"))
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalToJson(EasyPostResources.text("buy-request.golden.json"))));
        easypost.verify(getRequestedFor(urlEqualTo("/files/postage_label/shp_test_1.pdf")).withHeader("Authorization", absent()));
    }

    @Test
    void aRetryWithTheSameKeyFindsTheBoughtShipmentAndBuysNothing() {
        answer(get(urlEqualTo("/v2/shipments/label%3A9d5ed678%3A1")), 200, "shipment-bought.json");
        servesTheLabel();

        BookingResult booking = done(connector.ship(EasyPostTestShipments.domestic(), "USPS:Priority", EasyPostTestShipments.KEY));

        assertThat(booking.trackingNumber()).isEqualTo("9405500208303109884175");
        easypost.verify(0, postRequestedFor(urlPathEqualTo("/v2/shipments")));
        easypost.verify(0, postRequestedFor(urlPathEqualTo("/v2/shipments/shp_test_1/buy")));
    }

    @Test
    void aRetryAfterACreateWithoutBuyBuysTheExistingShipment() {
        answer(get(urlEqualTo("/v2/shipments/label%3A9d5ed678%3A1")), 200, "shipment-created.json");
        answer(post(urlEqualTo("/v2/shipments/shp_test_1/buy")), 200, "shipment-bought.json");
        servesTheLabel();

        done(connector.ship(EasyPostTestShipments.domestic(), "USPS:Priority", EasyPostTestShipments.KEY));

        easypost.verify(0, postRequestedFor(urlEqualTo("/v2/shipments")));
        easypost.verify(1, postRequestedFor(urlEqualTo("/v2/shipments/shp_test_1/buy")));
    }

    @Test
    void aServiceNotOfferedBuysNothing() {
        answer(get(urlEqualTo("/v2/shipments/label%3A9d5ed678%3A1")), 404, "error-404.json");
        answer(post(urlEqualTo("/v2/shipments")), 201, "shipment-created.json");

        CarrierException error = failure(connector.ship(EasyPostTestShipments.domestic(), "DHL:Express", EasyPostTestShipments.KEY));

        assertThat(error.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(error.carrierField()).contains("service_code");
        easypost.verify(0, postRequestedFor(urlPathEqualTo("/v2/shipments/shp_test_1/buy")));
    }

    @Test
    void aLabelThatCannotBeDownloadedIsTransientSoTheRetryFindsTheBooking() {
        answer(get(urlEqualTo("/v2/shipments/label%3A9d5ed678%3A1")), 200, "shipment-bought.json");
        easypost.stubFor(get(urlEqualTo("/files/postage_label/shp_test_1.pdf")).willReturn(aResponse().withStatus(404)));

        CarrierException error = failure(connector.ship(EasyPostTestShipments.domestic(), "USPS:Priority", EasyPostTestShipments.KEY));

        assertThat(error.kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
        assertThat(error.getMessage()).contains("shp_test_1");
    }

    @Test
    void aSecondParcelFailsTheStageWithoutAnyCall() {
        CarrierException error = failure(connector.ship(EasyPostTestShipments.twoParcels(), "USPS:Priority", "k"));

        assertThat(error.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(easypost.getAllServeEvents()).isEmpty();
    }

    @Test
    void shipWithoutAKeyIsAProgrammingError() {
        assertThatThrownBy(() -> connector.ship(EasyPostTestShipments.domestic(), "USPS:Priority", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findBookingAnswersFromTheReference() {
        answer(get(urlEqualTo("/v2/shipments/key-bought")), 200, "shipment-bought.json");
        answer(get(urlEqualTo("/v2/shipments/key-created")), 200, "shipment-created.json");
        answer(get(urlEqualTo("/v2/shipments/key-none")), 404, "error-404.json");
        servesTheLabel();

        Optional<BookingResult> bought = done(connector.findBooking("key-bought"));
        assertThat(bought).map(BookingResult::trackingNumber).contains("9405500208303109884175");
        assertThat(bought.orElseThrow().labels()).containsExactly(new Label(null, Label.PDF, PDF));
        assertThat(done(connector.findBooking("key-created"))).isEmpty();
        assertThat(done(connector.findBooking("key-none"))).isEmpty();
    }

    @Test
    void voidAsksForARefundOnce() {
        answer(get(urlEqualTo("/v2/shipments/shp_test_1")), 200, "shipment-bought.json");
        answer(post(urlEqualTo("/v2/shipments/shp_test_1/refund")), 200, "shipment-refund-submitted.json");

        VoidResult result = done(connector.voidLabel("shp_test_1"));

        assertThat(result.alreadyVoided()).isFalse();
        easypost.verify(postRequestedFor(urlEqualTo("/v2/shipments/shp_test_1/refund")).withHeader("Authorization", equalTo(BASIC)));
    }

    @Test
    void aRepeatedVoidSucceedsWithoutAskingAgain() {
        answer(get(urlEqualTo("/v2/shipments/shp_test_1")), 200, "shipment-refund-submitted.json");

        VoidResult result = done(connector.voidLabel("shp_test_1"));

        assertThat(result.alreadyVoided()).isTrue();
        easypost.verify(0, postRequestedFor(urlPathEqualTo("/v2/shipments/shp_test_1/refund")));
    }

    @Test
    void trackReadsTheTrackerListOfTheCode() {
        answer(get(urlEqualTo("/v2/trackers?tracking_code=9405500208303109884175&page_size=1")), 200, "trackers-delivered.json");

        TrackingResult result = done(connector.track("9405500208303109884175"));

        assertThat(result.milestone()).isEqualTo(Milestone.DELIVERED);
        assertThat(result.events()).hasSize(4);
    }

    @Test
    void registerTrackerCreatesTheMissingWebhookThenTheTracker() {
        answer(get(urlEqualTo("/v2/webhooks")), 200, "webhooks-list-without-ours.json");
        answer(post(urlEqualTo("/v2/webhooks")), 201, "webhook-created.json");
        answer(post(urlEqualTo("/v2/trackers")), 201, "tracker-created.json");

        done(connector.registerTracker("9405500208303109884175", CALLBACK));

        easypost.verify(postRequestedFor(urlEqualTo("/v2/webhooks"))
                .withRequestBody(equalToJson(EasyPostResources.text("webhook-request.golden.json"))));
        easypost.verify(postRequestedFor(urlEqualTo("/v2/trackers"))
                .withRequestBody(equalToJson(EasyPostResources.text("tracker-request.golden.json"))));
    }

    @Test
    void registerTrackerReusesAnExistingWebhook() {
        answer(get(urlEqualTo("/v2/webhooks")), 200, "webhooks-list-with-ours.json");
        answer(post(urlEqualTo("/v2/trackers")), 201, "tracker-created.json");

        done(connector.registerTracker("9405500208303109884175", CALLBACK));

        easypost.verify(0, postRequestedFor(urlEqualTo("/v2/webhooks")));
        easypost.verify(1, postRequestedFor(urlEqualTo("/v2/trackers")));
    }

    @Test
    void errorsArriveAsTheirKind() {
        easypost.stubFor(post(urlEqualTo("/v2/shipments")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "12")
                .withBody(recorded("error-429.json"))));
        CarrierException limited = failure(connector.rate(EasyPostTestShipments.domestic()));
        assertThat(limited.kind()).isEqualTo(CarrierErrorKind.RATE_LIMITED);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(12));

        answer(post(urlEqualTo("/v2/shipments")), 401, "error-401.json");
        assertThat(failure(connector.rate(EasyPostTestShipments.domestic())).kind()).isEqualTo(CarrierErrorKind.AUTH_FAILED);

        answer(post(urlEqualTo("/v2/shipments")), 503, "error-503.html");
        assertThat(failure(connector.rate(EasyPostTestShipments.domestic())).kind()).isEqualTo(CarrierErrorKind.UNAVAILABLE);

        answer(post(urlEqualTo("/v2/shipments")), 422, "error-422-field.json");
        CarrierException invalid = failure(connector.rate(EasyPostTestShipments.domestic()));
        assertThat(invalid.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(invalid.carrierField()).contains("shipment.parcel.weight");
    }

    @Test
    void aSlowEasyPostIsTransientAndABrokenConnectionToo() {
        easypost.stubFor(post(urlEqualTo("/v2/shipments")).willReturn(aResponse().withFixedDelay(3_000).withBody("{}")));
        assertThat(failure(connector.rate(EasyPostTestShipments.domestic())).kind()).isEqualTo(CarrierErrorKind.TRANSIENT);

        easypost.stubFor(post(urlEqualTo("/v2/shipments")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(failure(connector.rate(EasyPostTestShipments.domestic())).kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
    }

    @Test
    void aStoppedEasyPostIsUnavailable() {
        easypost.stop();

        assertThat(failure(connector.rate(EasyPostTestShipments.domestic())).kind()).isEqualTo(CarrierErrorKind.UNAVAILABLE);
    }

    @Test
    void declaresOneParcelCustomsThreeFormatsAndWebhookPush() {
        assertThat(connector.carrier()).isEqualTo("easypost");
        assertThat(connector.capabilities().multiParcel()).isFalse();
        assertThat(connector.capabilities().customs()).isTrue();
        assertThat(connector.capabilities().trackerPush()).isTrue();
        assertThat(connector.capabilities().labelFormats()).containsExactlyInAnyOrder(Label.PDF, Label.ZPL, Label.PNG);
    }
}
