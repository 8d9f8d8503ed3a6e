package dev.carrierhub.carriers.easypost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.Label;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class EasyPostRequestMapperTest {
    private final EasyPostRequestMapper mapper = new EasyPostRequestMapper(Label.PDF, List.of());

    @Test
    void rateRequestConvertsPoundsAndInchesExactlyAndHasNoReference() {
        assertThat(EasyPostResources.onTheWire(mapper.shipmentRequest(EasyPostTestShipments.domestic(), null)))
                .isEqualTo(EasyPostResources.json("rate-request.golden.json"));
    }

    @Test
    void shipRequestCarriesTheReferenceCustomsAndCarrierAccounts() {
        EasyPostRequestMapper withAccounts = new EasyPostRequestMapper(Label.PDF, List.of("ca_usps_test", "ca_ups_test"));

        assertThat(EasyPostResources.onTheWire(withAccounts.shipmentRequest(EasyPostTestShipments.international(),
                EasyPostTestShipments.KEY))).isEqualTo(EasyPostResources.json("ship-request.golden.json"));
    }

    @Test
    void buyTrackerAndWebhookRequestsMatchTheirGoldenFiles() {
        assertThat(EasyPostResources.onTheWire(mapper.buyRequest("rate_usps_priority_1")))
                .isEqualTo(EasyPostResources.json("buy-request.golden.json"));
        assertThat(EasyPostResources.onTheWire(mapper.trackerRequest("9405500208303109884175")))
                .isEqualTo(EasyPostResources.json("tracker-request.golden.json"));
        assertThat(EasyPostResources.onTheWire(mapper.webhookRequest(
                URI.create("https://tracking.example/callbacks/easypost?tenant=acme"), "whsec-easypost-test")))
                .isEqualTo(EasyPostResources.json("webhook-request.golden.json"));
    }

    @Test
    void aWebhookWithoutSecretSendsNone() {
        assertThat(mapper.webhookRequest(URI.create("https://h/cb"), null).path("webhook").has("webhook_secret")).isFalse();
    }

    @Test
    void theLabelFormatIsAskedFor() {
        EasyPostRequestMapper zpl = new EasyPostRequestMapper(Label.ZPL, List.of());

        assertThat(zpl.shipmentRequest(EasyPostTestShipments.domestic(), null).at("/shipment/options/label_format").asText())
                .isEqualTo("ZPL");
    }

    @Test
    void refusesASecondParcelBeforeAnythingIsSent() {
        CarrierException refused = catchThrowableOfType(CarrierException.class,
                () -> mapper.shipmentRequest(EasyPostTestShipments.twoParcels(), null));

        assertThat(refused.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(refused.carrierField()).contains("parcels");
    }

    @Test
    void refusesAFractionalCustomsQuantity() {
        CarrierException refused = catchThrowableOfType(CarrierException.class,
                () -> mapper.shipmentRequest(EasyPostTestShipments.fractionalCustomsQuantity(), "k"));

        assertThat(refused.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(refused.carrierField()).contains("customs_lines[0].quantity");
    }

    @Test
    void stripsTheCountryPrefixOfAState() {
        assertThat(EasyPostRequestMapper.subdivision("US-IL", "US")).isEqualTo("IL");
        assertThat(EasyPostRequestMapper.subdivision("il", "US")).isEqualTo("IL");
        assertThat(EasyPostRequestMapper.subdivision(" ", "US")).isNull();
    }
}
