package dev.carrierhub.carriers.sendcloud;

import dev.carrierhub.carriers.testing.OpenApi31Schemas;
import dev.carrierhub.carriers.testing.SharedSpecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.contracts.events.Milestone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conformance against Sendcloud's published OpenAPI 3.1 specs (read in place from {@code ../shared/carrier-specs/
 * sendcloud}): every announcement the connector builds validates against the request schema of
 * {@code POST /shipments/announce} in {@code sendcloud-shipments-openapi.yml}; our recorded answers validate against
 * the response schemas; the spec's own examples parse. See {@link OpenApi31Schemas} for why JSON Schema 2020-12 and
 * not swagger-request-validator. The shipping options request ({@code rate}) has no spec in carrier-specs and is
 * covered by its golden file only; the connector does not use the "ship an order" API
 * ({@code sendcloud-v3-ship-an-order-openapi.yml}), so there is nothing to validate against it.
 */
class SendcloudSpecConformanceTest {
    private static final String ANNOUNCE = OpenApi31Schemas.requestBody("post", "/shipments/announce");
    private static final String ANNOUNCED = "#/paths/~1shipments~1announce/post/responses/201/content/application~1json/schema";
    private static OpenApi31Schemas shipments;
    private static OpenApi31Schemas tracking;
    private static OpenApi31Schemas events;
    private static JsonNode shipmentsSpec;

    /** Per test, so that without {@code ../shared} every test reports itself skipped, with the reason. */
    @BeforeEach
    void load() throws IOException {
        SharedSpecs.require("sendcloud/sendcloud-shipments-openapi.yml");
        if (shipmentsSpec != null) {
            return;
        }
        shipments = OpenApi31Schemas.load(SharedSpecs.require("sendcloud/sendcloud-shipments-openapi.yml"));
        tracking = OpenApi31Schemas.load(SharedSpecs.require("sendcloud/sendcloud-v3-parcel-tracking-openapi.yml"));
        events = OpenApi31Schemas.load(SharedSpecs.require("sendcloud/sendcloud-v3-event-subscriptions-openapi.yml"));
        shipmentsSpec = new YAMLMapper().readTree(SharedSpecs.require("sendcloud/sendcloud-shipments-openapi.yml").toFile());
    }

    @Test
    void everyAnnouncementValidatesInEveryLabelFormat() {
        for (String format : List.of(Label.PDF, Label.ZPL, Label.PNG)) {
            SendcloudRequestMapper mapper = new SendcloudRequestMapper(format);
            assertThat(shipments.errors(ANNOUNCE, mapper.announceRequest(SendcloudTestShipments.domestic(),
                    "dhl:parcel/home_address_only", SendcloudTestShipments.DOMESTIC_KEY))).as("domestic " + format).isEmpty();
            assertThat(shipments.errors(ANNOUNCE, mapper.announceRequest(SendcloudTestShipments.international(),
                    "dhl_express:worldwide/incoterm=dap", SendcloudTestShipments.INTERNATIONAL_KEY))).as("international " + format)
                    .isEmpty();
        }
    }

    /** The validator is not vacuous: a missing recipient, an unknown unit or an item without HS code is rejected. */
    @Test
    void aBrokenAnnouncementIsRejected() {
        SendcloudRequestMapper mapper = new SendcloudRequestMapper(Label.PDF);
        ObjectNode noRecipient = mapper.announceRequest(SendcloudTestShipments.domestic(), "dhl:parcel", "k");
        noRecipient.remove("to_address");
        ObjectNode badUnit = mapper.announceRequest(SendcloudTestShipments.domestic(), "dhl:parcel", "k");
        ((ObjectNode) badUnit.at("/parcels/0/weight")).put("unit", "stone");
        ObjectNode noHsCode = mapper.announceRequest(SendcloudTestShipments.international(), "dhl_express:worldwide", "k");
        ((ObjectNode) noHsCode.at("/parcels/0/parcel_items/0")).remove("hs_code");

        assertThat(shipments.errors(ANNOUNCE, noRecipient)).isNotEmpty();
        assertThat(shipments.errors(ANNOUNCE, badUnit)).isNotEmpty();
        assertThat(shipments.errors(ANNOUNCE, noHsCode)).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "announce-single.json, " + ANNOUNCED,
            "announce-multi.json, " + ANNOUNCED,
            "announce-failed.json, " + ANNOUNCED,
            "shipments-list.json, #/paths/~1shipments/get/responses/200/content/application~1json/schema",
            "cancel-200.json, #/components/schemas/cancel-shipment-status",
            "cancel-202.json, #/components/schemas/cancel-shipment-status"})
    void ourRecordedAnswersAreOnesSendcloudCouldSend(String file, String pointer) {
        assertThat(shipments.errors(pointer, recorded(file))).as(file).isEmpty();
    }

    /** Error answers carry {"errors": [...]}; the spec's {@code errors} schema describes that array. */
    @ParameterizedTest
    @CsvSource({"error-400.json", "error-400-parcel.json", "error-401.json", "cancel-409-already.json", "cancel-404.json",
            "announce-409-errors.json"})
    void ourRecordedErrorsAreSendcloudErrors(String file) {
        assertThat(shipments.errors("#/components/schemas/errors", recorded(file).path("errors"))).as(file).isEmpty();
    }

    @Test
    void ourRecordedTrackingAndEventsValidate() {
        assertThat(tracking.errors("#/components/schemas/parcel-tracking-response", recorded("tracking.json"))).isEmpty();
        assertThat(tracking.errors("#/components/schemas/HTTPValidationError", recorded("tracking-422.json"))).isEmpty();
        for (String file : List.of("event-parcel-in-delivery.json", "event-parcel-refused.json")) {
            assertThat(events.errors("#/components/schemas/ParcelEventCreatedPayload", recorded(file))).as(file).isEmpty();
        }
    }

    @Test
    void theSpecsAnnouncementExamplesParse() {
        SendcloudResponseMapper mapper = new SendcloudResponseMapper();
        JsonNode examples = shipmentsSpec.at("/paths/~1shipments~1announce/post/responses/201/content/application~1json/examples");

        SendcloudShipment domestic = mapper.toAnnouncement(reply(201, examples.at("/CreatedSingleParcelDomesticShipment/value")))
                .orElseThrow();
        assertThat(domestic.id()).isEqualTo("XXX-Shipment-id");
        assertThat(domestic.trackingNumber()).isEqualTo("3SYZXG8498635");
        assertThat(domestic.carrierCode()).isEqualTo("postnl");
        assertThat(domestic.parcels().get(0).labelLink())
                .hasToString("https://panel.sendcloud.sc/api/v3/parcels/383707309/documents/label");
        assertThat(mapper.toAnnouncement(reply(201, examples.at("/CreatedCustomsRequiredShipment/value")))).isPresent();

        CarrierException failed = catchThrowableOfType(CarrierException.class, () ->
                mapper.toAnnouncement(reply(201, examples.at("/DomesticSingleParcelShipmentAnnouncementFailed/value"))));
        assertThat(failed.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
        assertThat(failed.carrierMessage()).contains("Service error: An error occurred while connecting to the carrier.");

        CarrierException invalid = mapper.toError(reply(400,
                shipmentsSpec.at("/paths/~1shipments~1announce/post/responses/400/content/application~1json/examples/Failed/value")));
        assertThat(invalid.carrierField()).contains("to_address.name");
        assertThat(invalid.carrierMessage()).contains("This field is required.");
    }

    @Test
    void theSpecsListAndCancellationExamplesParse() {
        SendcloudResponseMapper mapper = new SendcloudResponseMapper();
        JsonNode listed = shipmentsSpec.at("/paths/~1shipments/get/responses/200/content/application~1json/examples/"
                + "RetrievedDomesticSingleParcelShipments/value");
        String key = listed.at("/data/0/external_reference_id").asText(null);

        assertThat(mapper.toFoundShipment(reply(200, listed), key)).map(SendcloudShipment::trackingNumber).isPresent();
        JsonNode cancel = shipmentsSpec.at("/paths/~1shipments~1{id}~1cancel/post/responses");
        assertThat(mapper.toVoidResult("XXX", reply(200, cancel.at("/200/content/application~1json/examples/Cancelled/value")))
                .alreadyVoided()).isFalse();
        assertThat(mapper.toVoidResult("XXX", reply(202, cancel.at("/202/content/application~1json/examples/Cancelled/value")))
                .messages().get(0).code()).isEqualTo("cancellation_queued");
        assertThat(mapper.toVoidResult("XXX", reply(409,
                cancel.at("/409/content/application~1json/examples/CancellationRejected/value"))).alreadyVoided()).isTrue();
    }

    @Test
    void theTrackingSpecsExampleParses() throws IOException {
        JsonNode example = new YAMLMapper().readTree(SharedSpecs.require("sendcloud/sendcloud-v3-parcel-tracking-openapi.yml")
                .toFile()).at("/components/schemas/parcel-tracking-response/example");

        TrackingResult result = new SendcloudResponseMapper().toTrackingResult("123456789", reply(200, example));

        assertThat(result.milestone()).isEqualTo(Milestone.IN_TRANSIT);
        assertThat(result.events()).extracting(TrackingEvent::carrierStatus).containsExactly("accepted");
    }

    @Test
    void theSharedParcelEventFixturesParse() throws IOException {
        SendcloudResponseMapper mapper = new SendcloudResponseMapper();
        TrackingEvent inTransit = mapper.toTrackingEvent(Files.readAllBytes(
                SharedSpecs.require("webhooks/sendcloud/parcel-event-created-in-transit.json")));
        TrackingEvent delivered = mapper.toTrackingEvent(Files.readAllBytes(
                SharedSpecs.require("webhooks/sendcloud/parcel-event-created-delivered.json")));

        assertThat(inTransit.milestone()).isEqualTo(Milestone.IN_TRANSIT);
        assertThat(delivered.trackingNumber()).isEqualTo("3SYZXG132912330");
        assertThat(delivered.milestone()).isEqualTo(Milestone.DELIVERED);
        assertThat(delivered.occurredAt()).isEqualTo(Instant.parse("2026-01-16T14:22:00Z"));
        assertThat(delivered.proofOfDelivery()).isNotNull();
    }

    private static JsonNode recorded(String file) {
        return SendcloudResources.parse(SendcloudResources.recorded(file, "https://panel.sendcloud.sc"));
    }

    private static SendcloudReply reply(int status, JsonNode body) {
        if (body.isMissingNode()) {
            throw new UncheckedIOException(new IOException("the spec has no such example"));
        }
        return new SendcloudReply(status, body.toString(), null);
    }
}
