package dev.carrierhub.carriers.sendcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.contracts.shipment.Shipment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SendcloudRequestMapperTest {
    private final SendcloudRequestMapper mapper = new SendcloudRequestMapper(Label.PDF);

    @Test
    void shippingOptionsAskForQuotesOfEveryParcel() {
        assertThat(SendcloudResources.onTheWire(mapper.shippingOptionsRequest(SendcloudTestShipments.domestic())))
                .isEqualTo(SendcloudResources.json("shipping-options-request.golden.json"));
    }

    @Test
    void aDomesticAnnouncementCarriesBothParcelsTheOptionAndTheKey() {
        assertThat(SendcloudResources.onTheWire(mapper.announceRequest(SendcloudTestShipments.domestic(),
                "dhl:parcel/home_address_only", SendcloudTestShipments.DOMESTIC_KEY)))
                .isEqualTo(SendcloudResources.json("announce-request-domestic.golden.json"));
    }

    @Test
    void anInternationalAnnouncementDeclaresItemsPerPieceAndCustomsInformation() {
        assertThat(SendcloudResources.onTheWire(mapper.announceRequest(SendcloudTestShipments.international(),
                "dhl_express:worldwide/incoterm=dap", SendcloudTestShipments.INTERNATIONAL_KEY)))
                .isEqualTo(SendcloudResources.json("announce-request-international.golden.json"));
    }

    @ParameterizedTest
    @CsvSource({"PDF, application/pdf, 72", "ZPL, application/zpl, 203", "PNG, image/png, 300"})
    void asksForTheLabelFormat(String format, String mimeType, int dpi) {
        var details = new SendcloudRequestMapper(format)
                .announceRequest(SendcloudTestShipments.domestic(), "dhl:parcel", "k").path("label_details");

        assertThat(details.path("mime_type").asText()).isEqualTo(mimeType);
        assertThat(details.path("dpi").asInt()).isEqualTo(dpi);
    }

    @Test
    void refusesWhatSendcloudRequiresBeforeAnythingIsSent() {
        assertRefused(SendcloudTestShipments.withoutPostalCode(), "ship_to.postal_code");
        assertRefused(SendcloudTestShipments.withoutHsCode(), "customs_lines[0].hs_code");
    }

    @Test
    void theOrderNumberIsTheOdooOriginElseThePickingElseOurId() {
        Shipment base = SendcloudTestShipments.domestic();
        Shipment noOrigin = new Shipment(base.shipmentId(), new dev.carrierhub.contracts.shipment.OdooPickingRef("acme", 42,
                "WH/OUT/00042", null), base.shipFrom(), base.shipTo(), base.parcels(), null, base.serviceLevel(),
                base.customsLines(), false, null);
        Shipment nothing = new Shipment(base.shipmentId(), new dev.carrierhub.contracts.shipment.OdooPickingRef("acme", 42,
                null, " "), base.shipFrom(), base.shipTo(), base.parcels(), null, base.serviceLevel(),
                base.customsLines(), false, null);

        assertThat(SendcloudRequestMapper.orderNumber(base)).isEqualTo("S00042");
        assertThat(SendcloudRequestMapper.orderNumber(noOrigin)).isEqualTo("WH/OUT/00042");
        assertThat(SendcloudRequestMapper.orderNumber(nothing)).isEqualTo(base.shipmentId());
        assertThat(mapper.announceRequest(noOrigin, "x", "k").has("total_order_price")).isFalse();
    }

    private void assertRefused(Shipment shipment, String field) {
        CarrierException refused = catchThrowableOfType(CarrierException.class,
                () -> mapper.announceRequest(shipment, "dhl:parcel", "k"));
        assertThat(refused.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(refused.carrierField()).contains(field);
    }
}
