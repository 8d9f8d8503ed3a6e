package dev.carrierhub.carriers.easypost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.CarrierMessage;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.carriers.VoidResult;
import dev.carrierhub.carriers.http.AnswerFields;
import dev.carrierhub.carriers.testing.SharedSpecs;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Conformance: EasyPost publishes no OpenAPI spec, so its official example responses (EasyPost/examples, MIT, read in
 * place from {@code ../shared/carrier-specs/easypost/official}) are the contract. Each must parse without loss: every
 * rate becomes a quote at its price, and the ids, tracking codes and label links come through unchanged.
 */
class EasyPostOfficialExamplesTest {
    private final EasyPostResponseMapper pdf = new EasyPostResponseMapper(Label.PDF);

    private static EasyPostReply response(String relative) {
        return new EasyPostReply(200, read(SharedSpecs.require("easypost/official/docs/responses/" + relative)), null);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shipmentsCreateGivesEveryRateAsAQuote() {
        RateResult result = pdf.toRateResult(response("shipments/shipments-create.json"));

        assertThat(result.quotes()).extracting(Quote::quoteId, Quote::serviceCode, Quote::serviceLevel, Quote::price,
                Quote::transitDays).containsExactly(
                tuple("rate_9c291b87bdec47a0b3ed151c60b21fb4", "USPS:Express", ServiceLevel.EXPRESS, Money.of("51.20", "USD"), 2),
                tuple("rate_e5b3aaafb00f48a4ab27d9f20a801b40", "USPS:Priority", ServiceLevel.EXPRESS, Money.of("11.01", "USD"), 2),
                tuple("rate_76e0cae29e294e6db279c76bbe2f27e9", "USPS:GroundAdvantage", ServiceLevel.STANDARD,
                        Money.of("8.20", "USD"), 3));
        assertThat(result.messages()).isEmpty();
        EasyPostShipment created = pdf.toShipment(response("shipments/shipments-create.json"));
        assertThat(created.id()).isEqualTo("shp_a9b97f431c00435cb16ec2d6a14ed109");
        assertThat(created.purchased()).isFalse();
        assertThat(pdf.chooseRate(created, "USPS:Priority").id()).isEqualTo("rate_e5b3aaafb00f48a4ab27d9f20a801b40");
    }

    @Test
    void shipmentsBuyGivesTrackingCodePriceAndLabelUrl() {
        EasyPostShipment bought = pdf.toShipment(response("shipments/shipments-buy.json"));

        assertThat(bought.purchased()).isTrue();
        assertThat(bought.id()).isEqualTo("shp_40b6f049f00348b18de3804a26f7fd62");
        assertThat(bought.trackingCode()).isEqualTo("9434600208303109842228");
        assertThat(bought.selectedRate().serviceCode()).isEqualTo("USPS:GroundAdvantage");
        assertThat(bought.selectedRate().price()).isEqualTo(Money.of("8.20", "USD"));
        // The example was bought without label_format, so only the PNG exists and is what a PDF connector gets.
        assertThat(bought.label()).isEqualTo(new EasyPostShipment.LabelLink(URI.create(
                "https://easypost-files.s3.us-west-2.amazonaws.com/files/postage_label/20250509/e8bbb027b8222f4578ab4250487ed98fc6.png"),
                Label.PNG));
        assertThat(pdf.toBookingResult(bought, "P1", new byte[] {1}).price()).isEqualTo(Money.of("8.20", "USD"));
    }

    @Test
    void shipmentsOneCallBuyAndRetrieveParse() {
        EasyPostShipment oneCall = pdf.toShipment(response("shipments/shipments-one-call-buy.json"));
        assertThat(oneCall.trackingCode()).isEqualTo("9405500208303109884175");
        assertThat(oneCall.selectedRate().price()).isEqualTo(Money.of("11.01", "USD"));
        assertThat(oneCall.label().url()).hasToString(
                "https://easypost-files.s3.us-west-2.amazonaws.com/files/postage_label/20250509/e8d50b008c5a7f4962ba11056e9aeb100b.png");

        EasyPostShipment retrieved = pdf.toShipment(response("shipments/shipments-retrieve.json"));
        assertThat(retrieved.id()).isEqualTo("shp_c1bb96ace9e943758c3bd61be420ab08");
        assertThat(retrieved.purchased()).isFalse();
        assertThat(retrieved.rates()).hasSize(3);
    }

    @Test
    void shipmentsLabelGivesTheZplLinkToAZplConnector() {
        EasyPostShipment converted = new EasyPostResponseMapper(Label.ZPL).toShipment(response("shipments/shipments-label.json"));

        assertThat(converted.trackingCode()).isEqualTo("9434600208303109842235");
        assertThat(converted.label()).isEqualTo(new EasyPostShipment.LabelLink(URI.create(
                "https://easypost-files.s3-us-west-2.amazonaws.com/files/postage_label/20250509/cbed7645eafc4a23af370b4525144fc3.zpl"),
                Label.ZPL));
    }

    @Test
    void everyRateOfEveryRateAndShipmentExampleBecomesAQuoteAtItsPrice() {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(SharedSpecs.require("easypost/official/docs/responses"))) {
            walk.filter(p -> p.toString().endsWith(".json")).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int checked = 0;
        for (Path file : files) {
            JsonNode raw = EasyPostResources.parse(read(file));
            if (!raw.isObject() || !(raw.has("rates") || "Rate".equals(AnswerFields.text(raw, "object")))) {
                continue;
            }
            List<JsonNode> rates = new ArrayList<>();
            if (raw.has("rates")) {
                raw.path("rates").forEach(rates::add);
            } else {
                rates.add(raw);
            }
            RateResult result = pdf.toRateResult(new EasyPostReply(200, raw.toString(), null));
            assertThat(result.quotes()).as(file.toString()).hasSameSizeAs(rates);
            for (int i = 0; i < rates.size(); i++) {
                Quote quote = result.quotes().get(i);
                assertThat(quote.price()).as(file + " rate " + i).isEqualTo(new Money(
                        new BigDecimal(rates.get(i).path("rate").asText()), rates.get(i).path("currency").asText()));
                assertThat(quote.serviceCode()).isEqualTo(rates.get(i).path("carrier").asText() + ":"
                        + rates.get(i).path("service").asText());
            }
            checked++;
        }
        assertThat(checked).as("rate-bearing examples").isGreaterThanOrEqualTo(8);
    }

    @Test
    void statelessRatesHaveNoQuoteId() {
        RateResult stateless = pdf.toRateResult(response("rates/rates-retrieve-stateless.json"));

        assertThat(stateless.quotes()).extracting(Quote::quoteId).containsOnlyNulls();
        assertThat(stateless.quotes()).extracting(Quote::serviceCode)
                .containsExactly("USPS:GroundAdvantage", "USPS:Express", "USPS:Priority");
        assertThat(pdf.toRateResult(response("rates/rates-retrieve.json")).quotes()).singleElement()
                .extracting(Quote::quoteId, Quote::price)
                .containsExactly("rate_1dc792d730f54c02a97347e281e1b045", Money.of("51.20", "USD"));
    }

    @Test
    void trackersRetrieveCreateAndListParse() {
        TrackingResult retrieved = pdf.toTrackingResult("EZ1000000001", response("trackers/trackers-retrieve.json"));
        assertThat(retrieved.trackingNumber()).isEqualTo("EZ1000000001");
        assertThat(retrieved.milestone()).isEqualTo(Milestone.PRE_TRANSIT);
        assertThat(retrieved.events()).extracting(TrackingEvent::description, TrackingEvent::location, TrackingEvent::occurredAt)
                .containsExactly(
                        tuple("Pre-Shipment Info Sent to USPS", null, Instant.parse("2025-04-09T20:40:17Z")),
                        tuple("Shipping Label Created", "HOUSTON, TX", Instant.parse("2025-04-10T09:17:17Z")));

        assertThat(pdf.toTrackingResult("EZ1000000001", response("trackers/trackers-create.json")).events()).hasSize(2);
        TrackingResult listed = pdf.toTrackingResult("EZ1000000001", response("trackers/trackers-list.json"));
        assertThat(listed.milestone()).isEqualTo(Milestone.PRE_TRANSIT);
        assertThat(listed.events()).hasSize(2);
    }

    @Test
    void refundsAndTheShippingRefundParseToVoids() {
        VoidResult created = pdf.toVoidResult("ignored", response("refunds/refunds-create.json"));
        assertThat(created.carrierShipmentId()).isEqualTo("shp_744d6715c6794d8c8cd0874c368878ba");
        assertThat(created.messages()).extracting(CarrierMessage::code).containsExactly("refund_submitted");

        assertThat(pdf.toVoidResult("ignored", response("refunds/refunds-retrieve.json")).carrierShipmentId())
                .isEqualTo("shp_744d6715c6794d8c8cd0874c368878ba");

        VoidResult shipment = pdf.toVoidResult("shp_597ccf75eb5f441282d22199e802474b",
                response("shipping-refund/shipping-refund-refund.json"));
        assertThat(shipment.carrierShipmentId()).isEqualTo("shp_597ccf75eb5f441282d22199e802474b");
        assertThat(shipment.alreadyVoided()).isFalse();
        assertThat(pdf.toShipment(response("shipping-refund/shipping-refund-refund.json")).refundRequested()).isTrue();
    }

    @Test
    void trackerWebhookEventsParse() {
        TrackingResult fixture = pdf.toTrackingUpdate(read(SharedSpecs.require("easypost/official/fixtures/event-body.json"))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(fixture.trackingNumber()).isEqualTo("1");
        assertThat(fixture.milestone()).isEqualTo(Milestone.IN_TRANSIT);
        assertThat(fixture.events()).hasSize(7);
        assertThat(fixture.events().get(0).carrierStatus()).isEqualTo("pre_transit/label_created");
        assertThat(fixture.events().get(6).location()).isEqualTo("EDISON, NJ, US");

        TrackingResult guide = pdf.toTrackingUpdate(read(SharedSpecs.require(
                "easypost/official/guides/tracking-guide/json/tracking-webhook.json")).getBytes(StandardCharsets.UTF_8));
        assertThat(guide.trackingNumber()).isEqualTo("EZ4000000004");
        assertThat(guide.milestone()).isEqualTo(Milestone.DELIVERED);
        TrackingEvent delivered = guide.events().get(guide.events().size() - 1);
        assertThat(delivered.milestone()).isEqualTo(Milestone.DELIVERED);
        assertThat(delivered.proofOfDelivery().signedBy()).isEqualTo("John Tester");
    }
}
