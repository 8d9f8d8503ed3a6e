package dev.carrierhub.carriers.shippo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.contracts.shipment.Shipment;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShippoRequestMapperTest {
    static final List<String> ACCOUNTS = List.of("b741b99f95e841639b54272834bc478c", "065a4a8c10d24a34ab932163a1b87f52");
    private final ShippoRequestMapper mapper = new ShippoRequestMapper(Label.PDF, List.of());

    @Test
    void aDomesticShipmentKeepsPoundsAndInchesAsTheyAre() {
        assertThat(ShippoResources.onTheWire(mapper.shipmentRequest(ShippoTestShipments.domestic())))
                .isEqualTo(ShippoResources.json("shipment-request-domestic.golden.json"));
    }

    @Test
    void anInternationalShipmentCarriesItsCustomsDeclarationAndCarrierAccounts() {
        assertThat(ShippoResources.onTheWire(new ShippoRequestMapper(Label.PDF, ACCOUNTS)
                .shipmentRequest(ShippoTestShipments.international())))
                .isEqualTo(ShippoResources.json("shipment-request-international.golden.json"));
    }

    @Test
    void transactionRefundTrackAndWebhookRequestsMatchTheirGoldenFiles() {
        assertThat(ShippoResources.onTheWire(mapper.transactionRequest("ec9f0d3adc9441449c85d315f0997fd5", "label:9d5ed678:1")))
                .isEqualTo(ShippoResources.json("transaction-request.golden.json"));
        assertThat(ShippoResources.onTheWire(mapper.refundRequest("915d94940ea54c3a80cbfa328722f5a1")))
                .isEqualTo(ShippoResources.json("refund-request.golden.json"));
        assertThat(ShippoResources.onTheWire(mapper.trackRequest("usps", "9205590164917312751089")))
                .isEqualTo(ShippoResources.json("track-request.golden.json"));
        assertThat(ShippoResources.onTheWire(mapper.webhookRequest(
                URI.create("https://tracking.example/callbacks/shippo?tenant=acme"), true)))
                .isEqualTo(ShippoResources.json("webhook-request.golden.json"));
    }

    @ParameterizedTest
    @CsvSource({"PDF, PDF_4x6", "ZPL, ZPLII", "PNG, PNG"})
    void asksForTheLabelFileTypeOfTheFormat(String format, String fileType) {
        assertThat(new ShippoRequestMapper(format, List.of()).transactionRequest("r", "k").path("label_file_type").asText())
                .isEqualTo(fileType);
    }

    @Test
    void refusesWhatShippoCannotTakeBeforeAnythingIsSent() {
        assertRefused(ShippoTestShipments.twoParcels(), "parcels");
        assertRefused(ShippoTestShipments.withoutDimensions(), "parcels[0].dimensions");
        assertRefused(ShippoTestShipments.customsWithoutWeight(), "customs_lines[0].weight");
        assertRefused(ShippoTestShipments.fractionalCustomsQuantity(), "customs_lines[0].quantity");
    }

    @Test
    void aCustomsLineWithoutOriginTakesTheSendersCountry() {
        Shipment base = ShippoTestShipments.international();
        var line = base.customsLines().get(0);
        Shipment noOrigin = new Shipment(base.shipmentId(), base.picking(), base.shipFrom(), base.shipTo(), base.parcels(),
                base.declaredValue(), base.serviceLevel(), List.of(new dev.carrierhub.contracts.shipment.CustomsLine(
                        line.sku(), line.description(), line.hsCode(), null, line.quantity(), line.weight(), line.value())),
                false, null);

        assertThat(mapper.shipmentRequest(noOrigin).at("/customs_declaration/items/0/origin_country").asText()).isEqualTo("US");
    }

    private void assertRefused(Shipment shipment, String field) {
        CarrierException refused = catchThrowableOfType(CarrierException.class, () -> mapper.shipmentRequest(shipment));
        assertThat(refused.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(refused.carrierField()).contains(field);
    }
}
