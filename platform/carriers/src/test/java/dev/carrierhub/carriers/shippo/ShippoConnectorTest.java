package dev.carrierhub.carriers.shippo;


import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector against a WireMock Shippo: URLs, methods, headers, bodies, and the flows between calls. */
class ShippoConnectorTest {
    private static final String TOKEN = "shippo_test_0123456789abcdef";
    private static final byte[] PDF = "%PDF-1.4 shippo label".getBytes(StandardCharsets.US_ASCII);
    private static final URI CALLBACK = URI.create("https://tracking.example/callbacks/shippo?tenant=acme");
    private static final String KEY = "label:9d5ed678:1";

    private WireMockServer shippo;

    @BeforeEach
    void start() {
        shippo = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        shippo.start();
    }

    @AfterEach
    void stop() {
        shippo.stop();
    }

    private ShippoConnector connector(String trackingCarrier) {
        return new ShippoConnector(new ShippoSettings(URI.create(shippo.baseUrl()), TOKEN, Duration.ofSeconds(2), Label.PDF,
                List.of(), trackingCarrier));
    }

    private void answer(MappingBuilder request, int status, String file) {
        shippo.stubFor(request.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(ShippoResources.recorded(file, shippo.baseUrl()))));
    }

    private void servesTheLabel() {
        shippo.stubFor(get(urlEqualTo("/labels/txn_label.pdf")).willReturn(aResponse().withBody(PDF)));
    }

    @Test
    void ratePostsTheGoldenShipmentWithTheTokenAndThePinnedVersion() {
        answer(post(urlEqualTo("/shipments")), 201, "shipment-rated.json");

        RateResult result = done(connector(null).rate(ShippoTestShipments.domestic()));

        assertThat(result.quotes()).hasSize(4);
        shippo.verify(postRequestedFor(urlEqualTo("/shipments"))
                .withHeader("Authorization", equalTo("ShippoToken " + TOKEN))
                .withHeader("SHIPPO-API-VERSION", equalTo("2018-02-08"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson(ShippoResources.text("shipment-request-domestic.golden.json"))));
    }

    @Test
    void shipRatesBuysTheRateWithTheKeyInMetadataAndDownloadsTheLabelWithoutTheToken() {
        answer(post(urlEqualTo("/shipments")), 201, "shipment-rated.json");
        answer(post(urlEqualTo("/transactions")), 201, "transaction-success.json");
        servesTheLabel();

        BookingResult booking = done(connector(null).ship(ShippoTestShipments.domestic(), "usps_priority", KEY));

        assertThat(booking.carrierShipmentId()).isEqualTo("915d94940ea54c3a80cbfa328722f5a1");
        assertThat(booking.trackingNumber()).isEqualTo("9205590164917312751089");
        assertThat(booking.price()).isEqualTo(Money.of("7.58", "USD"));
        assertThat(booking.labels()).containsExactly(new Label("P1", Label.PDF, PDF));
        shippo.verify(postRequestedFor(urlEqualTo("/transactions"))
                .withHeader("Authorization", equalTo("ShippoToken " + TOKEN))
                .withRequestBody(equalToJson(ShippoResources.text("transaction-request.golden.json"))));
        shippo.verify(getRequestedFor(urlEqualTo("/labels/txn_label.pdf")).withHeader("Authorization", absent()));
    }

    @Test
    void aCarrierThatRefusesTheLabelIsAnInvalidRequest() {
        answer(post(urlEqualTo("/shipments")), 201, "shipment-rated.json");
        answer(post(urlEqualTo("/transactions")), 201, "transaction-error.json");

        CarrierException error = failure(connector(null).ship(ShippoTestShipments.domestic(), "usps_priority", KEY));

        assertThat(error.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(error.carrierMessage()).hasValueSatisfying(m -> assertThat(m).contains("street not found"));
    }

    @Test
    void aServiceNotOfferedBuysNothing() {
        answer(post(urlEqualTo("/shipments")), 201, "shipment-rated.json");

        CarrierException error = failure(connector(null).ship(ShippoTestShipments.domestic(), "fedex_ground", KEY));

        assertThat(error.carrierField()).contains("service_code");
        shippo.verify(0, postRequestedFor(urlEqualTo("/transactions")));
    }

    @Test
    void aKeyShippoCannotKeepIsAProgrammingError() {
        assertThatThrownBy(() -> connector(null).ship(ShippoTestShipments.domestic(), "usps_priority", "k".repeat(101)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aParcelWithoutDimensionsFailsWithoutAnyCall() {
        CarrierException error = failure(connector(null).ship(ShippoTestShipments.withoutDimensions(), "usps_priority", KEY));

        assertThat(error.carrierField()).contains("parcels[0].dimensions");
        assertThat(shippo.getAllServeEvents()).isEmpty();
    }

    @Test
    void findBookingSearchesTheNewestTransactionsForTheKeyThenPricesAndDownloadsIt() {
        answer(get(urlEqualTo("/transactions?results=100&page=1")), 200, "transactions-page.json");
        answer(get(urlEqualTo("/rates/ec9f0d3adc9441449c85d315f0997fd5")), 200, "rate-priority.json");
        servesTheLabel();

        Optional<BookingResult> found = done(connector(null).findBooking(KEY));

        assertThat(found).isPresent();
        assertThat(found.get().carrierShipmentId()).isEqualTo("915d94940ea54c3a80cbfa328722f5a1");
        assertThat(found.get().price()).isEqualTo(Money.of("7.58", "USD"));
        assertThat(found.get().labels()).containsExactly(new Label(null, Label.PDF, PDF));
    }

    @Test
    void findBookingIsEmptyWhenOnlyAFailedPurchaseCarriesTheKey() {
        answer(get(urlEqualTo("/transactions?results=100&page=1")), 200, "transactions-page-without-key.json");

        assertThat(done(connector(null).findBooking(KEY))).isEmpty();
        shippo.verify(0, getRequestedFor(urlEqualTo("/rates/ec9f0d3adc9441449c85d315f0997fd5")));
    }

    @Test
    void voidRefundsOnceAndARepeatSaysAlreadyVoided() {
        answer(get(urlEqualTo("/transactions/915d94940ea54c3a80cbfa328722f5a1")), 200, "transaction-success.json");
        answer(post(urlEqualTo("/refunds")), 201, "refund-queued.json");

        VoidResult first = done(connector(null).voidLabel("915d94940ea54c3a80cbfa328722f5a1"));
        assertThat(first.alreadyVoided()).isFalse();
        shippo.verify(postRequestedFor(urlEqualTo("/refunds"))
                .withRequestBody(equalToJson(ShippoResources.text("refund-request.golden.json"))));

        answer(get(urlEqualTo("/transactions/915d94940ea54c3a80cbfa328722f5a1")), 200, "transaction-refunded.json");
        VoidResult repeat = done(connector(null).voidLabel("915d94940ea54c3a80cbfa328722f5a1"));
        assertThat(repeat.alreadyVoided()).isTrue();
        shippo.verify(1, postRequestedFor(urlEqualTo("/refunds")));
    }

    @Test
    void trackUsesTheConfiguredCarrier() {
        answer(get(urlEqualTo("/tracks/usps/9205590164917312751089")), 200, "track-delivered.json");

        TrackingResult result = done(connector("usps").track("9205590164917312751089"));

        assertThat(result.milestone()).isEqualTo(Milestone.DELIVERED);
        assertThat(result.events()).hasSize(4);
    }

    @Test
    void withoutATrackingCarrierTrackingIsNeitherDeclaredNorAttempted() {
        ShippoConnector connector = connector(null);

        assertThat(connector.capabilities().track()).isFalse();
        assertThat(connector.capabilities().trackerPush()).isFalse();
        assertThat(failure(connector.track("9205590164917312751089")).carrierField()).contains("carrier");
        assertThat(failure(connector.registerTracker("9205590164917312751089", CALLBACK)).kind())
                .isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(shippo.getAllServeEvents()).isEmpty();
    }

    @Test
    void registerTrackerCreatesTheMissingWebhookThenRegistersTheNumber() {
        answer(get(urlEqualTo("/webhooks")), 200, "webhooks-page.json");
        answer(post(urlEqualTo("/webhooks")), 201, "webhook-created.json");
        answer(post(urlEqualTo("/tracks")), 200, "track-registered.json");

        done(connector("usps").registerTracker("9205590164917312751089", CALLBACK));

        shippo.verify(postRequestedFor(urlEqualTo("/webhooks"))
                .withRequestBody(equalToJson(ShippoResources.text("webhook-request.golden.json"))));
        shippo.verify(postRequestedFor(urlEqualTo("/tracks"))
                .withRequestBody(equalToJson(ShippoResources.text("track-request.golden.json"))));
    }

    @Test
    void registerTrackerReusesAnActiveWebhook() {
        answer(get(urlEqualTo("/webhooks")), 200, "webhooks-page-with-ours.json");
        answer(post(urlEqualTo("/tracks")), 200, "track-registered.json");

        done(connector("usps").registerTracker("9205590164917312751089", CALLBACK));

        shippo.verify(0, postRequestedFor(urlEqualTo("/webhooks")));
    }

    @Test
    void errorsArriveAsTheirKind() {
        shippo.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "42")
                .withBody(ShippoResources.recorded("error-429.json", ""))));
        CarrierException limited = failure(connector(null).rate(ShippoTestShipments.domestic()));
        assertThat(limited.kind()).isEqualTo(CarrierErrorKind.RATE_LIMITED);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(42));

        answer(post(urlEqualTo("/shipments")), 401, "error-401.json");
        assertThat(failure(connector(null).rate(ShippoTestShipments.domestic())).kind()).isEqualTo(CarrierErrorKind.AUTH_FAILED);

        answer(post(urlEqualTo("/shipments")), 400, "error-400-parcel-weight.json");
        assertThat(failure(connector(null).rate(ShippoTestShipments.domestic())).carrierField()).contains("parcels[0].weight");

        answer(post(urlEqualTo("/shipments")), 503, "error-503.html");
        assertThat(failure(connector(null).rate(ShippoTestShipments.domestic())).kind()).isEqualTo(CarrierErrorKind.UNAVAILABLE);

        answer(post(urlEqualTo("/shipments")), 500, "error-500.html");
        assertThat(failure(connector(null).rate(ShippoTestShipments.domestic())).kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
    }

    @Test
    void aStoppedShippoIsUnavailable() {
        ShippoConnector connector = connector(null);
        shippo.stop();

        assertThat(failure(connector.rate(ShippoTestShipments.domestic())).kind()).isEqualTo(CarrierErrorKind.UNAVAILABLE);
    }

    @Test
    void declaresOneParcelCustomsAndThreeFormats() {
        ShippoConnector connector = connector("usps");

        assertThat(connector.carrier()).isEqualTo("shippo");
        assertThat(connector.capabilities().multiParcel()).isFalse();
        assertThat(connector.capabilities().customs()).isTrue();
        assertThat(connector.capabilities().track()).isTrue();
        assertThat(connector.capabilities().labelFormats()).containsExactlyInAnyOrder(Label.PDF, Label.ZPL, Label.PNG);
    }
}
