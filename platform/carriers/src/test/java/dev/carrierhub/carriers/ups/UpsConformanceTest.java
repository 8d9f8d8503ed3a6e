package dev.carrierhub.carriers.ups;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.carrierhub.carriers.ups.UpsFixtures.KEY;
import static dev.carrierhub.carriers.ups.UpsFixtures.done;
import static dev.carrierhub.carriers.ups.UpsWireMock.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.CarrierMessage;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The connector against UPS's own published material in {@code ../shared/carrier-specs/ups}, read in place:
 * every request it builds validates against UPS's OpenAPI files (swagger-request-validator, strict about
 * unknown fields), and UPS's official example answers parse without loss. Skipped when the folder is absent.
 *
 * <p>UPS's schemas contradict UPS's own usage in a few places (carrier-specs README, "Gotchas"); each such
 * spot is listed in {@link #KNOWN_SPEC_DEFECTS} with its reason, and only that exact message is forgiven.
 */
class UpsConformanceTest {
    @RegisterExtension
    static WireMockExtension ups = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** Validation messages that are faults of UPS's spec, not of our request: (spec, key, where, why). */
    static final List<KnownDefect> KNOWN_SPEC_DEFECTS = List.of(
            new KnownDefect("Rating.yaml", "validation.request.body.schema.additionalProperties", "/RateRequest/Request",
                    "RequestOption", "RateRequest_Request lists RequestOption as required but does not declare it; "
                    + "UPS's own example 10 sends it"),
            new KnownDefect("Rating.yaml", "validation.request.body.schema.minLength", "/RateRequest/Shipment/Service/Code",
                    null, "Service.Code has minLength 3 while every UPS service code has 2 characters (\"03\")"),
            new KnownDefect("Rating.yaml", "validation.request.parameter.schema.maxLength", null, "Shoptimeintransit",
                    "requestoption has maxLength 10 while its documented value Shoptimeintransit has 17"));

    private static Path specs;
    private static Path examples;

    /** Each test is skipped, with the reason, when the shared folder is absent (no golden test needs it). */
    @BeforeEach
    void locateSpecs() {
        String shared = System.getProperty("carrierhub.shared");
        Path folder = shared == null ? null : Path.of(shared, "carrier-specs");
        Assumptions.assumeTrue(folder != null && Files.isDirectory(folder.resolve("ups")),
                () -> (shared == null ? "<carrierhub.shared unset>" : shared)
                        + "/carrier-specs not found: conformance against the carrier's published spec skipped");
        specs = folder.resolve("ups");
        examples = specs.resolve("examples");
    }

    // ------------------------------------------------------------------------------------- our requests

    @Test
    void everyRequestTheConnectorBuildsValidatesAgainstUpsOpenApi() {
        UpsWireMock stand = new UpsWireMock(ups);
        stand.tokenAnswers("token-200.json");
        ups.stubFor(post(urlPathMatching("/api/rating/.*")).willReturn(json(200, "rate-shop-200.json")));
        ups.stubFor(post(urlEqualTo(UpsWireMock.SHIP_PATH)).willReturn(json(200, "ship-200.json")));
        ups.stubFor(delete(urlEqualTo(UpsWireMock.VOID_PATH)).willReturn(json(200, "void-200.json")));
        ups.stubFor(get(urlEqualTo(UpsWireMock.TRACK_PATH)).willReturn(json(200, "track-200-delivered.json")));
        UpsSettings settings = UpsFixtures.settings(stand.baseUri());

        UpsConnector connector = stand.connector(settings);
        done(connector.rate(UpsFixtures.domesticUs()));
        done(connector.rate(UpsFixtures.usToCanada(), "11"));
        done(stand.connector(settings.withTimeInTransit(true)).rate(UpsFixtures.germanyToCanada()));
        done(connector.ship(UpsFixtures.domesticUs(), "03", KEY));
        done(stand.connector(settings.withLabelFormat(UpsLabelFormat.ZPL)).ship(UpsFixtures.germanyToCanada(), "65", "o-1"));
        done(stand.connector(settings.withLabelFormat(UpsLabelFormat.PNG)).ship(UpsFixtures.usToCanada(), "11", "o-2"));
        done(connector.voidLabel("1ZA1B2C30390000017"));
        done(connector.track("1ZA1B2C30390000017"));

        List<LoggedRequest> sent = ups.findAll(anyRequestedFor(anyUrl()));
        assertThat(sent).extracting(r -> r.getMethod().getName() + " " + r.getUrl()).contains(
                "POST /security/v1/oauth/token", "POST /api/rating/v2409/Shop", "POST /api/rating/v2409/Rate",
                "POST /api/rating/v2409/Shoptimeintransit", "POST /api/shipments/v2409/ship",
                "DELETE /api/shipments/v2409/void/cancel/1ZA1B2C30390000017", "GET /api/track/v1/details/1ZA1B2C30390000017");
        Map<String, List<String>> problems = new HashMap<>();
        for (LoggedRequest request : sent) {
            String spec = specFor(request.getUrl());
            List<String> errors = errors(spec, validator(spec).validateRequest(toValidatorRequest(request)));
            if (!errors.isEmpty()) {
                problems.put(request.getMethod() + " " + request.getUrl() + " (" + spec + ")", errors);
            }
        }
        assertThat(problems).as("requests that break UPS's OpenAPI").isEmpty();
    }

    @Test
    void theKnownSpecDefectsAreRealSoTheyAreNotForgivenBlindly() {
        Request shop = SimpleRequest.Builder.post("/api/rating/v2409/Shoptimeintransit")
                .withContentType("application/json").withAuthorization("Bearer t")
                .withBody("{\"RateRequest\":{\"Request\":{\"RequestOption\":\"Shoptimeintransit\"},\"Shipment\":{"
                        + "\"Shipper\":{\"Address\":{\"AddressLine\":[\"a\"],\"CountryCode\":\"US\"}},"
                        + "\"ShipTo\":{\"Address\":{\"AddressLine\":[\"a\"],\"CountryCode\":\"US\"}},"
                        + "\"Service\":{\"Code\":\"03\"},\"Package\":[{}]}}}")
                .build();

        ValidationReport report = validator("Rating.yaml").validateRequest(shop);

        assertThat(KNOWN_SPEC_DEFECTS).allSatisfy(defect ->
                assertThat(report.getMessages()).as(defect.why()).anyMatch(defect::matches));
    }

    @Test
    void ourRecordedTrackingAnswersHaveTheShapeOfTheTrackingSpec() {
        OpenApiInteractionValidator tracking = validator("sanitized/Tracking.yaml");
        Map<String, List<String>> problems = new HashMap<>();
        for (String recorded : List.of("track-200-delivered.json", "track-200-loaded-on-vehicle.json",
                "track-200-no-package.json")) {
            ValidationReport report = tracking.validateResponse("/api/track/v1/details/1ZA1B2C30390000017",
                    Request.Method.GET, SimpleResponse.Builder.ok().withContentType("application/json")
                            .withBody(UpsFixtures.text("recorded/" + recorded)).build());
            List<String> errors = errors("sanitized/Tracking.yaml", report);
            if (!errors.isEmpty()) {
                problems.put(recorded, errors);
            }
        }
        assertThat(problems).isEmpty();
    }

    // ------------------------------------------------------------------------------ UPS's own answers

    @Test
    void upsRatingExamplesParseToTheirTotals() {
        UpsResponseMapper mapper = new UpsResponseMapper(UpsLabelFormat.PDF);

        assertThat(rate(mapper, "simpleRateResponse.json").quotes()).extracting(Quote::serviceCode, Quote::price,
                Quote::transitDays).containsExactly(tuple("03", Money.of("9.45", "USD"), null));
        for (String published : List.of("publishedRateResponse.json", "standardAccountRateResponse.json",
                "negotiatedRateResponse.json")) {
            assertThat(rate(mapper, published).quotes()).as(published).extracting(Quote::serviceCode, Quote::price)
                    .containsExactly(tuple("03", Money.of("12.49", "USD")));
        }
        RateResult second = rate(mapper, "simpleRate2Response.json");
        assertThat(second.quotes()).extracting(Quote::price).containsExactly(Money.of("20.86", "USD"));
        assertThat(second.messages()).extracting(CarrierMessage::code).contains("110971", "111530");
    }

    @Test
    void upsShopExampleGivesEveryServiceWithItsLevelAndGuaranteedDays() {
        RateResult shop = rate(new UpsResponseMapper(UpsLabelFormat.PDF), "simpleRateShopResponse.json");

        assertThat(shop.quotes()).extracting(Quote::serviceCode, Quote::serviceLevel, Quote::price, Quote::transitDays)
                .containsExactly(
                        tuple("12", ServiceLevel.STANDARD, Money.of("20.25", "USD"), 3),
                        tuple("14", ServiceLevel.OVERNIGHT, Money.of("117.15", "USD"), 1),
                        tuple("59", ServiceLevel.EXPRESS, Money.of("31.43", "USD"), 2),
                        tuple("03", ServiceLevel.ECONOMY, Money.of("12.49", "USD"), null),
                        tuple("13", ServiceLevel.OVERNIGHT, Money.of("70.26", "USD"), 1),
                        tuple("01", ServiceLevel.OVERNIGHT, Money.of("81.07", "USD"), 1),
                        tuple("02", ServiceLevel.EXPRESS, Money.of("27.74", "USD"), 2));
        assertThat(shop.messages()).extracting(CarrierMessage::code).containsExactly("110971");
    }

    @Test
    void upsTimeInTransitExampleGivesGroundItsTransitDaysToo() {
        RateResult shop = rate(new UpsResponseMapper(UpsLabelFormat.PDF), "tntRateShopResponse.json");
        JsonNode raw = example("rating/src/main/resources/scenarios/tntRateShopResponse.json");

        assertThat(shop.quotes()).hasSize(7).allSatisfy(q -> assertThat(q.transitDays()).isNotNull());
        for (JsonNode rated : UpsJson.list(raw.at("/RateResponse/RatedShipment"))) {
            String code = rated.at("/Service/Code").asText();
            int expected = rated.at("/TimeInTransit/ServiceSummary/EstimatedArrival/BusinessDaysInTransit").asInt();
            assertThat(shop.quotes()).filteredOn(q -> q.serviceCode().equals(code)).singleElement()
                    .satisfies(q -> assertThat(q.transitDays()).as(code).isEqualTo(expected));
        }
        assertThat(shop.quotes()).filteredOn(q -> q.serviceCode().equals("03")).singleElement()
                .satisfies(q -> assertThat(q.price()).isEqualTo(Money.of("12.49", "USD")));
    }

    @Test
    void upsThirdPartyExamplePricesTheNegotiatedTotalNotTheZeroPublishedOne() {
        RateResult tpfc = rate(new UpsResponseMapper(UpsLabelFormat.PDF), "TPFCResponse.json");

        assertThat(tpfc.quotes()).extracting(Quote::serviceCode, Quote::price, Quote::transitDays)
                .containsExactly(tuple("01", Money.of("146.95", "USD"), 1));
        assertThat(tpfc.messages()).extracting(CarrierMessage::code).contains("112237", "110971", "120900");
    }

    @Test
    void upsErrorExampleIsInvalidRequestWithItsCodeAndMessage() {
        String body = exampleText("rating/src/main/resources/scenarios/SimpleRateErrorResponse");

        assertThatThrownBy(() -> new UpsResponseMapper(UpsLabelFormat.PDF).toRateResult(new UpsReply(400, body, null)))
                .isInstanceOfSatisfying(CarrierException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CarrierErrorKind.INVALID_REQUEST);
                    assertThat(e.getMessage()).isEqualTo(
                            "UPS answered 400 111600: BillShipper payment method is not valid for this shipment.");
                    assertThat(e.carrierMessage()).contains("BillShipper payment method is not valid for this shipment.");
                });
    }

    @Test
    void upsShipExampleGivesTheNegotiatedPriceAndItsGifLabelByteForByte() {
        JsonNode raw = example("shipping/src/main/resources/Response/ShipmentResponse.json");

        BookingResult booking = ship(UpsLabelFormat.GIF, "ShipmentResponse.json", List.of("P1"));

        assertThat(booking.carrierShipmentId()).isEqualTo("1ZWA82900123277535");
        assertThat(booking.trackingNumber()).isEqualTo("1ZWA82900123277535");
        assertThat(booking.price()).isEqualTo(Money.of("198.42", "USD"));
        assertThat(booking.labels()).singleElement().satisfies(label -> {
            assertThat(label.parcelReference()).isEqualTo("P1");
            assertThat(label.format()).isEqualTo("GIF");
            assertThat(label.content()).isEqualTo(Base64.getDecoder().decode(
                    raw.at("/ShipmentResponse/ShipmentResults/PackageResults/ShippingLabel/GraphicImage").asText()));
        });
        assertThat(booking.messages()).extracting(CarrierMessage::code).containsExactly("05");
    }

    @Test
    void upsGifLabelBecomesAnUprightFourBySixPdfPage() throws IOException {
        BookingResult booking = ship(UpsLabelFormat.PDF, "ShipmentResponse.json", List.of("P1"));

        Label label = booking.labels().get(0);
        assertThat(label.format()).isEqualTo(Label.PDF);
        try (PDDocument pdf = Loader.loadPDF(label.content())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(288f);
            assertThat(pdf.getPage(0).getMediaBox().getHeight()).isEqualTo(432f);
        }
        assertThat(booking.messages()).extracting(CarrierMessage::code).doesNotContain("label_not_converted");
    }

    @Test
    void upsMultiPieceExampleGivesOneLabelForItsOnePackageOfTenPieces() {
        BookingResult booking = ship(UpsLabelFormat.GIF, "ShippingMultiPieceShippingResponse.json", List.of("P1"));

        assertThat(booking.carrierShipmentId()).isEqualTo("1Z1486YY0110000297");
        assertThat(booking.trackingNumber()).isEqualTo("1Z1486YY0110000297");
        assertThat(booking.price()).isEqualTo(Money.of("426.40", "USD"));
        assertThat(booking.labels()).extracting(Label::parcelReference, Label::format).containsExactly(tuple("P1", "GIF"));
        assertThat(booking.messages()).isEmpty();
    }

    @Test
    void upsInternationalAndNegotiatedExamplesParse() {
        BookingResult international = ship(UpsLabelFormat.GIF, "ShippingRequestwithInternationalFormsResponse.json",
                List.of("P1"));
        BookingResult negotiated = ship(UpsLabelFormat.GIF, "ShippingRequestwithNegotiatedRatesResponse.json",
                List.of("P1"));

        assertThat(international.carrierShipmentId()).isEqualTo("1Z1486YYE123628116");
        assertThat(international.price()).isEqualTo(Money.of("10681.32", "USD"));
        assertThat(international.labels()).hasSize(1);
        assertThat(negotiated.carrierShipmentId()).isEqualTo("1Z1662229115284418");
        assertThat(negotiated.price()).isEqualTo(Money.of("27.72", "CAD"));
        // UPS's example carries no label image for its package: the booking says so instead of failing.
        assertThat(negotiated.labels()).isEmpty();
        assertThat(negotiated.messages()).extracting(CarrierMessage::code).containsExactly("label_missing");
    }

    // ------------------------------------------------------------------------------ status vocabulary

    @Test
    void statusTablesAreTheUpsSectionOfStatusMapping() throws IOException {
        JsonNode section = UpsJson.MAPPER.readTree(specs.getParent().resolve("status-mapping.json").toFile()).path("ups");

        Map<String, Milestone> byType = new HashMap<>();
        section.path("map_type").fields().forEachRemaining(e -> byType.put(e.getKey(), Milestone.valueOf(e.getValue().asText())));
        Map<String, Milestone> byCode = new HashMap<>();
        section.path("refine_with_code").fields().forEachRemaining(e -> byCode.put(e.getKey(), Milestone.valueOf(e.getValue().asText())));
        assertThat(UpsStatus.BY_TYPE).isEqualTo(byType);
        assertThat(UpsStatus.BY_CODE).isEqualTo(byCode);
        // The JSON's caveat: D is DELIVERED only with proof of delivery; OT wins over the type.
        assertThat(section.path("notes").asText()).contains("DELIVERED only when");
        assertThat(UpsStatus.milestone("D", null, false, null)).isEqualTo(Milestone.OUT_FOR_DELIVERY);
        assertThat(UpsStatus.milestone("D", "OT", true, null)).isEqualTo(Milestone.OUT_FOR_DELIVERY);
    }

    @Test
    void trackAlertExamplesMapAsTheirCaveatSays() throws IOException {
        Path webhooks = specs.getParent().resolve("webhooks/ups");
        JsonNode outForDelivery = UpsJson.MAPPER.readTree(webhooks.resolve("trackalert-out-for-delivery.json").toFile());
        JsonNode delivered = UpsJson.MAPPER.readTree(webhooks.resolve("trackalert-delivered.json").toFile());

        assertThat(trackAlertMilestone(outForDelivery)).isEqualTo(Milestone.OUT_FOR_DELIVERY);
        assertThat(trackAlertMilestone(delivered)).isEqualTo(Milestone.DELIVERED);
    }

    /** Track Alert's proof of delivery is {@code actualDeliveryDate}. */
    private static Milestone trackAlertMilestone(JsonNode event) {
        JsonNode status = event.path("activityStatus");
        boolean proven = UpsJson.text(event, "actualDeliveryDate") != null;
        return UpsStatus.milestone(UpsJson.text(status, "type"), UpsJson.text(status, "code"), proven, null);
    }

    // -------------------------------------------------------------------------------------- helpers

    private static RateResult rate(UpsResponseMapper mapper, String scenario) {
        return mapper.toRateResult(new UpsReply(200, exampleText("rating/src/main/resources/scenarios/" + scenario), null));
    }

    private static BookingResult ship(UpsLabelFormat format, String response, List<String> parcels) {
        String body = exampleText("shipping/src/main/resources/Response/" + response);
        return new UpsResponseMapper(format).toBookingResult(new UpsReply(200, body, null), parcels);
    }

    private static JsonNode example(String path) {
        return UpsFixtures.readJson(exampleText(path));
    }

    private static String exampleText(String path) {
        try {
            return Files.readString(examples.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String specFor(String url) {
        if (url.startsWith("/security/")) {
            return "OAuthClientCredentials.yaml";
        }
        if (url.startsWith("/api/rating/")) {
            return "Rating.yaml";
        }
        // The original Shipping.yaml and Tracking.yaml do not parse (stray TABs): the sanitized copies do.
        return url.startsWith("/api/shipments/") ? "sanitized/Shipping.yaml" : "sanitized/Tracking.yaml";
    }

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new HashMap<>();

    /**
     * A validator for one spec. The spec is parsed here rather than by the validator's loader, which refuses
     * any spec with a parse message: Shipping.yaml has one ({@code Product_ProductIdentifier} is an array
     * without {@code items}) in a part no request of ours touches.
     */
    private static synchronized OpenApiInteractionValidator validator(String spec) {
        return VALIDATORS.computeIfAbsent(spec, name -> {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult parsed = new OpenAPIParser().readLocation(specs.resolve(name).toUri().toString(), null, options);
            assertThat(parsed.getOpenAPI()).as("parsed " + name).isNotNull();
            assertThat(parsed.getMessages()).as("parse messages of " + name)
                    .allMatch(m -> m.contains("Product_ProductIdentifier.items is missing"));
            return OpenApiInteractionValidator.createFor(parsed.getOpenAPI()).build();
        });
    }

    private static Request toValidatorRequest(LoggedRequest request) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.getMethod().getName(), request.getUrl());
        request.getHeaders().all().forEach(header -> builder.withHeader(header.key(), header.values()));
        String body = request.getBodyAsString();
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        return builder.build();
    }

    /** The report's errors that are not known defects of the spec, each with where it points. */
    private static List<String> errors(String spec, ValidationReport report) {
        List<String> errors = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            boolean forgiven = KNOWN_SPEC_DEFECTS.stream().anyMatch(d -> d.spec().equals(spec) && d.matches(message));
            if (!forgiven) {
                errors.add(message.getKey() + " at " + instancePointer(message).orElse("-") + ": " + message.getMessage());
            }
        }
        return errors;
    }

    private static Optional<String> instancePointer(ValidationReport.Message message) {
        return message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getInstance);
    }

    /**
     * One place where UPS's spec contradicts UPS: a message with this key, at this instance pointer (if
     * given), whose text contains this (if given), is forgiven.
     */
    record KnownDefect(String spec, String key, String pointer, String text, String why) {
        boolean matches(ValidationReport.Message message) {
            return message.getKey().equals(key)
                    && (pointer == null || instancePointer(message).filter(pointer::equals).isPresent())
                    && (text == null || message.getMessage().contains(text));
        }

        @Override
        public String toString() {
            return Optional.ofNullable(pointer).orElse(key) + ": " + why;
        }
    }
}
