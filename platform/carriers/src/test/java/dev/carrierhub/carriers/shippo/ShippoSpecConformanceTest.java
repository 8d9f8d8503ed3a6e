package dev.carrierhub.carriers.shippo;

import dev.carrierhub.carriers.testing.OpenApi31Schemas;
import dev.carrierhub.carriers.testing.SharedSpecs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.contracts.events.Milestone;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conformance against Shippo's published OpenAPI 3.1 spec ({@code ../shared/carrier-specs/shippo/public-api.yaml},
 * read in place): every request body the connector builds validates against its operation's request schema, and
 * the answers we recorded for the tests validate against the response schemas, so the recordings are ones Shippo
 * could send. See {@link OpenApi31Schemas} for why JSON Schema 2020-12 and not swagger-request-validator.
 */
class ShippoSpecConformanceTest {
    private static OpenApi31Schemas spec;
    private final ShippoRequestMapper mapper = new ShippoRequestMapper(Label.PDF, ShippoRequestMapperTest.ACCOUNTS);

    /** Per test, so that without {@code ../shared} every test reports itself skipped, with the reason. */
    @BeforeEach
    void load() {
        Path yaml = SharedSpecs.require("shippo/public-api.yaml");
        if (spec == null) {
            spec = OpenApi31Schemas.load(yaml);
        }
    }

    @Test
    void shipmentRequestsValidateAgainstPostShipments() {
        String schema = OpenApi31Schemas.requestBody("post", "/shipments");

        assertThat(spec.errors(schema, mapper.shipmentRequest(ShippoTestShipments.domestic()))).isEmpty();
        assertThat(spec.errors(schema, mapper.shipmentRequest(ShippoTestShipments.international()))).isEmpty();
    }

    @Test
    void transactionRequestsValidateAgainstPostTransactionsInEveryLabelFormat() {
        String schema = OpenApi31Schemas.requestBody("post", "/transactions");
        for (String format : List.of(Label.PDF, Label.ZPL, Label.PNG)) {
            assertThat(spec.errors(schema, new ShippoRequestMapper(format, List.of())
                    .transactionRequest("ec9f0d3adc9441449c85d315f0997fd5", "label:9d5ed678:1"))).as(format).isEmpty();
        }
    }

    @Test
    void refundTrackAndWebhookRequestsValidate() {
        assertThat(spec.errors(OpenApi31Schemas.requestBody("post", "/refunds"),
                mapper.refundRequest("915d94940ea54c3a80cbfa328722f5a1"))).isEmpty();
        assertThat(spec.errors(OpenApi31Schemas.requestBody("post", "/tracks"),
                mapper.trackRequest("usps", "9205590164917312751089"))).isEmpty();
        assertThat(spec.errors(OpenApi31Schemas.requestBody("post", "/webhooks"),
                mapper.webhookRequest(URI.create("https://tracking.example/callbacks/shippo"), false))).isEmpty();
    }

    /** The validator is not vacuous: a shipment without its recipient, or with a wrong unit, is rejected. */
    @Test
    void aBrokenRequestIsRejected() {
        String schema = OpenApi31Schemas.requestBody("post", "/shipments");
        ObjectNode noRecipient = mapper.shipmentRequest(ShippoTestShipments.domestic());
        noRecipient.remove("address_to");
        ObjectNode badUnit = mapper.shipmentRequest(ShippoTestShipments.domestic());
        ((ObjectNode) badUnit.path("parcels").path(0)).put("mass_unit", "stone");
        ObjectNode transactionWithoutRate = mapper.transactionRequest("r", "k");
        transactionWithoutRate.remove("rate");

        assertThat(spec.errors(schema, noRecipient)).isNotEmpty();
        assertThat(spec.errors(schema, badUnit)).isNotEmpty();
        assertThat(spec.errors(OpenApi31Schemas.requestBody("post", "/transactions"), transactionWithoutRate)).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "shipment-rated.json, Shipment",
            "transaction-success.json, Transaction",
            "transaction-error.json, Transaction",
            "transaction-refunded.json, Transaction",
            "transactions-page.json, TransactionPaginatedList",
            "rate-priority.json, Rate",
            "refund-queued.json, Refund",
            "track-delivered.json, Track",
            "track-registered.json, Track",
            "webhook-track-updated.json, WebhookPayloadTrack",
            "webhooks-page.json, WebhookPaginatedList",
            "webhook-created.json, Webhook"})
    void ourRecordedAnswersAreOnesShippoCouldSend(String file, String schemaName) {
        JsonNode recorded = ShippoResources.parse(ShippoResources.recorded(file, "https://files.example"));

        assertThat(spec.errors(OpenApi31Schemas.component(schemaName), recorded)).as(file).isEmpty();
    }

    /** The shared synthetic {@code track_updated} payload (written to Shippo's schema) parses. */
    @Test
    void theSharedTrackUpdatedPayloadParses() throws IOException {
        byte[] body = Files.readAllBytes(SharedSpecs.require("webhooks/shippo/track-updated.synthetic.json"));

        TrackingResult update = new ShippoResponseMapper().toTrackingUpdate(body);

        assertThat(update.trackingNumber()).isEqualTo("9205590164917312751089");
        assertThat(update.milestone()).isEqualTo(Milestone.DELIVERED);
        assertThat(update.events()).extracting(e -> e.milestone())
                .containsExactly(Milestone.PRE_TRANSIT, Milestone.IN_TRANSIT, Milestone.DELIVERED);
        assertThat(update.events().get(2).location()).isEqualTo("Spotsylvania, VA, US");
    }
}
