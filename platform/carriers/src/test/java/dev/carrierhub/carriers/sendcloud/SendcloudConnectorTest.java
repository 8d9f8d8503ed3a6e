package dev.carrierhub.carriers.sendcloud;


import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.carrierhub.carriers.testing.Await.done;
import static dev.carrierhub.carriers.testing.Await.failure;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.shipment.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector against a WireMock Sendcloud: URLs, methods, headers, bodies, and the flows between calls. */
class SendcloudConnectorTest {
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("pub-key:sec-key".getBytes(StandardCharsets.UTF_8));
    private static final byte[] LABEL_1 = "%PDF-1.4 parcel 1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LABEL_2 = "%PDF-1.4 parcel 2".getBytes(StandardCharsets.US_ASCII);

    private WireMockServer sendcloud;
    private SendcloudConnector connector;

    @BeforeEach
    void start() {
        sendcloud = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        sendcloud.start();
        connector = new SendcloudConnector(new SendcloudSettings(URI.create(sendcloud.baseUrl() + "/api/v3"), "pub-key",
                "sec-key", Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        sendcloud.stop();
    }

    private void answer(MappingBuilder request, int status, String file) {
        sendcloud.stubFor(request.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(SendcloudResources.recorded(file, sendcloud.baseUrl()))));
    }

    private void servesTheLabels() {
        sendcloud.stubFor(get(urlEqualTo("/api/v3/parcels/383707310/documents/label")).willReturn(aResponse().withBody(LABEL_1)));
        sendcloud.stubFor(get(urlEqualTo("/api/v3/parcels/383707311/documents/label")).willReturn(aResponse().withBody(LABEL_2)));
    }

    @Test
    void ratePostsTheGoldenShippingOptionsRequestWithBasicAuth() {
        answer(post(urlEqualTo("/api/v3/shipping-options")), 200, "shipping-options.json");

        RateResult result = done(connector.rate(SendcloudTestShipments.domestic()));

        assertThat(result.quotes()).hasSize(3);
        sendcloud.verify(postRequestedFor(urlEqualTo("/api/v3/shipping-options"))
                .withHeader("Authorization", equalTo(BASIC))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", equalTo(SendcloudConnector.USER_AGENT))
                .withRequestBody(equalToJson(SendcloudResources.text("shipping-options-request.golden.json"))));
    }

    @Test
    void aSingleParcelIsAnnouncedWithItsLabelInline() {
        answer(post(urlEqualTo("/api/v3/shipments/announce")), 201, "announce-single.json");

        BookingResult booking = done(connector.ship(SendcloudTestShipments.international(),
                "dhl_express:worldwide/incoterm=dap", SendcloudTestShipments.INTERNATIONAL_KEY));

        assertThat(booking.carrierShipmentId()).isEqualTo("7c9e1a3b-5d7f-4b2e-8a6c-0e2f4a6b8c0d");
        assertThat(booking.trackingNumber()).isEqualTo("1234567890");
        assertThat(booking.price()).isEqualTo(new Money(BigDecimal.ZERO, "USD"));
        assertThat(booking.labels()).containsExactly(new Label("P1", Label.PDF,
                "%PDF-1.4 sendcloud label P1".getBytes(StandardCharsets.US_ASCII)));
        sendcloud.verify(postRequestedFor(urlEqualTo("/api/v3/shipments/announce"))
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalToJson(SendcloudResources.text("announce-request-international.golden.json"))));
        sendcloud.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void severalParcelsAreOneShipmentWithALabelDownloadedPerParcel() {
        answer(post(urlEqualTo("/api/v3/shipments/announce")), 201, "announce-multi.json");
        servesTheLabels();

        BookingResult booking = done(connector.ship(SendcloudTestShipments.domestic(), "dhl:parcel/home_address_only",
                SendcloudTestShipments.DOMESTIC_KEY));

        assertThat(booking.trackingNumber()).isEqualTo("JJD000390007654321");
        assertThat(booking.labels()).containsExactly(new Label("P1", Label.PDF, LABEL_1), new Label("P2", Label.PDF, LABEL_2));
        sendcloud.verify(postRequestedFor(urlEqualTo("/api/v3/shipments/announce"))
                .withRequestBody(equalToJson(SendcloudResources.text("announce-request-domestic.golden.json"))));
        sendcloud.verify(getRequestedFor(urlEqualTo("/api/v3/parcels/383707310/documents/label"))
                .withHeader("Authorization", equalTo(BASIC)).withHeader("Accept", equalTo("application/pdf")));
    }

    @Test
    void aRepeatedKeyGets409AndTheFirstBooking() {
        answer(post(urlEqualTo("/api/v3/shipments/announce")), 409, "announce-409-with-data.json");
        servesTheLabels();

        BookingResult booking = done(connector.ship(SendcloudTestShipments.domestic(), "dhl:parcel/home_address_only",
                SendcloudTestShipments.DOMESTIC_KEY));

        assertThat(booking.carrierShipmentId()).isEqualTo("5b4f0a52-4d0c-4f3e-9f6f-3a3d2c1b0a98");
        assertThat(booking.labels()).hasSize(2);
    }

    @Test
    void a409WithoutTheShipmentLooksItUpByTheKey() {
        answer(post(urlEqualTo("/api/v3/shipments/announce")), 409, "announce-409-errors.json");
        answer(get(urlEqualTo("/api/v3/shipments?external_reference_id=label%3A9d5ed678%3A1")), 200, "shipments-list.json");
        servesTheLabels();

        BookingResult booking = done(connector.ship(SendcloudTestShipments.domestic(), "dhl:parcel/home_address_only",
                SendcloudTestShipments.DOMESTIC_KEY));

        assertThat(booking.carrierShipmentId()).isEqualTo("5b4f0a52-4d0c-4f3e-9f6f-3a3d2c1b0a98");
        sendcloud.verify(getRequestedFor(urlEqualTo("/api/v3/shipments?external_reference_id=label%3A9d5ed678%3A1"))
                .withHeader("Authorization", equalTo(BASIC)));
    }

    @Test
    void aRefusedAnnouncementIsAnInvalidRequest() {
        answer(post(urlEqualTo("/api/v3/shipments/announce")), 201, "announce-failed.json");

        CarrierException error = failure(connector.ship(SendcloudTestShipments.domestic(), "dhl:parcel",
                SendcloudTestShipments.DOMESTIC_KEY));

        assertThat(error.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(error.getMessage()).contains("5b4f0a52-4d0c-4f3e-9f6f-3a3d2c1b0a98", "new key");
    }

    @Test
    void aMissingLabelFileIsTransient() {
        answer(post(urlEqualTo("/api/v3/shipments/announce")), 201, "announce-multi.json");
        sendcloud.stubFor(get(urlEqualTo("/api/v3/parcels/383707310/documents/label")).willReturn(aResponse().withBody(LABEL_1)));
        sendcloud.stubFor(get(urlEqualTo("/api/v3/parcels/383707311/documents/label")).willReturn(aResponse().withStatus(500)));

        CarrierException error = failure(connector.ship(SendcloudTestShipments.domestic(), "dhl:parcel",
                SendcloudTestShipments.DOMESTIC_KEY));

        assertThat(error.kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
    }

    @Test
    void aShipmentWithoutPostalCodeFailsWithoutAnyCall() {
        CarrierException error = failure(connector.ship(SendcloudTestShipments.withoutPostalCode(), "dhl:parcel", "k"));

        assertThat(error.carrierField()).contains("ship_to.postal_code");
        sendcloud.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void findBookingListsTheKeysShipmentWithItsLabels() {
        answer(get(urlEqualTo("/api/v3/shipments?external_reference_id=label%3A9d5ed678%3A1")), 200, "shipments-list.json");
        answer(get(urlEqualTo("/api/v3/shipments?external_reference_id=label%3Afailed")), 200, "shipments-list-failed.json");
        servesTheLabels();

        Optional<BookingResult> found = done(connector.findBooking(SendcloudTestShipments.DOMESTIC_KEY));

        assertThat(found).map(BookingResult::trackingNumber).contains("JJD000390007654321");
        assertThat(found.orElseThrow().labels()).containsExactly(new Label(null, Label.PDF, LABEL_1), new Label(null, Label.PDF, LABEL_2));
        assertThat(done(connector.findBooking("label:failed"))).isEmpty();
    }

    @Test
    void voidCancelsAndARepeatIsAlreadyVoided() {
        answer(post(urlEqualTo("/api/v3/shipments/5b4f0a52/cancel")), 200, "cancel-200.json");
        assertThat(done(connector.voidLabel("5b4f0a52")).alreadyVoided()).isFalse();
        sendcloud.verify(postRequestedFor(urlEqualTo("/api/v3/shipments/5b4f0a52/cancel")).withHeader("Authorization", equalTo(BASIC)));

        answer(post(urlEqualTo("/api/v3/shipments/5b4f0a52/cancel")), 409, "cancel-409-already.json");
        assertThat(done(connector.voidLabel("5b4f0a52")).alreadyVoided()).isTrue();

        answer(post(urlEqualTo("/api/v3/shipments/5b4f0a52/cancel")), 404, "cancel-404.json");
        assertThat(failure(connector.voidLabel("5b4f0a52")).kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
    }

    @Test
    void trackReadsTheParcelTrackingApi() {
        answer(get(urlEqualTo("/api/v3/parcels/tracking/JJD000390007654321")), 200, "tracking.json");

        TrackingResult result = done(connector.track("JJD000390007654321"));

        assertThat(result.milestone()).isEqualTo(Milestone.DELIVERED);
        assertThat(result.events()).hasSize(4);
    }

    @Test
    void registerTrackerIsNotOfferedAndSendsNothing() {
        assertThat(connector.capabilities().trackerPush()).isFalse();
        CarrierException error = failure(connector.registerTracker("JJD000390007654321", URI.create("https://cb.example")));

        assertThat(error.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        sendcloud.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void errorsArriveAsTheirKind() {
        sendcloud.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                .withBody(SendcloudResources.recorded("error-429.json", ""))));
        CarrierException limited = failure(connector.rate(SendcloudTestShipments.domestic()));
        assertThat(limited.kind()).isEqualTo(CarrierErrorKind.RATE_LIMITED);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(30));

        answer(post(urlEqualTo("/api/v3/shipping-options")), 401, "error-401.json");
        assertThat(failure(connector.rate(SendcloudTestShipments.domestic())).kind()).isEqualTo(CarrierErrorKind.AUTH_FAILED);

        answer(post(urlEqualTo("/api/v3/shipments/announce")), 400, "error-400.json");
        assertThat(failure(connector.ship(SendcloudTestShipments.domestic(), "dhl:parcel", "k")).carrierField())
                .contains("to_address.name");

        answer(post(urlEqualTo("/api/v3/shipping-options")), 503, "error-503.html");
        assertThat(failure(connector.rate(SendcloudTestShipments.domestic())).kind()).isEqualTo(CarrierErrorKind.UNAVAILABLE);
    }

    @Test
    void aStoppedSendcloudIsUnavailable() {
        sendcloud.stop();

        assertThat(failure(connector.track("JJD000390007654321")).kind()).isEqualTo(CarrierErrorKind.UNAVAILABLE);
    }

    @Test
    void declaresMultiParcelCustomsAndThreeFormatsButNoTrackerPush() {
        assertThat(connector.carrier()).isEqualTo("sendcloud");
        assertThat(connector.capabilities().multiParcel()).isTrue();
        assertThat(connector.capabilities().customs()).isTrue();
        assertThat(connector.capabilities().track()).isTrue();
        assertThat(connector.capabilities().labelFormats()).containsExactlyInAnyOrder(Label.PDF, Label.ZPL, Label.PNG);
    }
}
