package dev.carrierhub.carriers.ups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.testing.TestResources;
import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.CustomsLine;
import dev.carrierhub.contracts.shipment.Dimensions;
import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Shipments, settings and resource readers the UPS tests share. The wire form of the shipments is in the
 * golden files under {@code src/test/resources/ups}; recorded answers are under {@code ups/recorded}.
 */
final class UpsFixtures {
    static final String ACCOUNT = "A1B2C3";
    static final String CLIENT_ID = "test-client-id";
    static final String CLIENT_SECRET = "test-client-secret";
    static final String KEY = "booking:9d5ed678-fe57-3cca-a8b3-ffa3b0a1c5f1";

    static final Address WAREHOUSE_US = new Address("Shipping Desk", "Acme Corp", "2311 York Rd", null, "Timonium",
            "21093", "US-MD", "US", "+1 (410) 555-0100", "shipping@acme.example", false);
    static final Address CUSTOMER_US = new Address("Jane Doe", null, "1000 Morris Rd", "Suite 200", "Alpharetta",
            "30005-1234", "US-GA", "US", "+1 770 555 0199", "jane@example.com", true);
    static final Address WAREHOUSE_DE = new Address("Acme Warehouse", "Acme GmbH", "Lagerstrasse 1", null, "Berlin",
            "10115", null, "DE", "+49301234567", "shipping@acme.example", false);
    static final Address CUSTOMER_CA = new Address("Jean Tremblay", null, "45 Wellington St", null, "Aurora",
            "L4G 3V2", "CA-ON", "CA", "+1 905 555 0123", null, false);

    private UpsFixtures() {
    }

    static UpsSettings settings(URI baseUri) {
        return UpsSettings.of(baseUri, CLIENT_ID, CLIENT_SECRET, ACCOUNT, Duration.ofSeconds(2));
    }

    /** Timonium MD → Alpharetta GA (residential): a 2.5 kg parcel in cm and a 3 lb parcel in inches. */
    static Shipment domesticUs() {
        return new Shipment("9d5ed678-fe57-3cca-a8b3-ffa3b0a1c5f1",
                new OdooPickingRef("acme", 42, "WH/OUT/00042", "S00042"),
                WAREHOUSE_US, CUSTOMER_US,
                List.of(new Parcel("P1", new Weight(new BigDecimal("2.5"), WeightUnit.KG),
                                new Dimensions(new BigDecimal("30"), new BigDecimal("20"), new BigDecimal("10"), LengthUnit.CM),
                                "box"),
                        new Parcel("P2", new Weight(new BigDecimal("3"), WeightUnit.LB),
                                new Dimensions(new BigDecimal("8"), new BigDecimal("12"), new BigDecimal("6"), LengthUnit.IN),
                                "02")),
                Money.of("120.00", "USD"), ServiceLevel.STANDARD, List.of(), false, null);
    }

    /** Like {@link #domesticUs()} with its first parcel only. */
    static Shipment domesticUsOneParcel() {
        Shipment base = domesticUs();
        return new Shipment(base.shipmentId(), base.picking(), base.shipFrom(), base.shipTo(), base.parcels().subList(0, 1),
                base.declaredValue(), base.serviceLevel(), base.customsLines(), false, null);
    }

    /** Berlin → Aurora ON: metric, a customs line, crosses a border. */
    static Shipment germanyToCanada() {
        return new Shipment("1b4e28ba-2fa1-11d2-883f-0016d3cca427",
                new OdooPickingRef("acme", 43, "WH/OUT/00043", "S00043"),
                WAREHOUSE_DE, CUSTOMER_CA,
                List.of(new Parcel("P1", new Weight(new BigDecimal("500"), WeightUnit.G),
                        new Dimensions(new BigDecimal("250"), new BigDecimal("150"), new BigDecimal("40"), LengthUnit.MM),
                        null)),
                Money.of("80.00", "EUR"), ServiceLevel.EXPRESS,
                List.of(new CustomsLine("SKU-1", "Cotton T-shirt", "610910", "DE", new BigDecimal("2"),
                        new Weight(new BigDecimal("0.4"), WeightUnit.KG), Money.of("40.00", "EUR"))),
                false, null);
    }

    /** Timonium MD → Aurora ON with a declared value: UPS wants InvoiceLineTotal on US → CA. */
    static Shipment usToCanada() {
        Shipment base = domesticUsOneParcel();
        return new Shipment("5c0c1f7e-6a35-4c1e-9b8e-1e2f3a4b5c6d", base.picking(), WAREHOUSE_US, CUSTOMER_CA,
                base.parcels(), Money.of("149.50", "USD"), ServiceLevel.STANDARD,
                List.of(new CustomsLine("SKU-2", "Ceramic mug", "691200", "US", new BigDecimal("3"),
                        null, Money.of("149.50", "USD"))),
                false, null);
    }

    static Shipment hazardous() {
        Shipment base = domesticUs();
        return new Shipment(base.shipmentId(), base.picking(), base.shipFrom(), base.shipTo(), base.parcels(),
                base.declaredValue(), base.serviceLevel(), base.customsLines(), true, null);
    }

    static byte[] bytes(String name) {
        return TestResources.bytes("ups", name);
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static JsonNode json(String name) {
        return readJson(text(name));
    }

    static JsonNode readJson(String text) {
        try {
            return UpsJson.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON as it goes over the wire. */
    static JsonNode onTheWire(JsonNode node) {
        try {
            return UpsJson.MAPPER.readTree(UpsJson.MAPPER.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A recorded answer with its status. */
    static UpsReply reply(int status, String recorded) {
        return new UpsReply(status, text("recorded/" + recorded), null);
    }

    static <T> T done(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the call did not succeed", e);
        }
    }

    static CarrierException failure(CompletionStage<?> stage) {
        try {
            Object value = stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a carrier failure, got " + value);
        } catch (ExecutionException e) {
            return CarrierException.find(e).orElseThrow(() -> new AssertionError("not a carrier failure", e));
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the call did not complete", e);
        }
    }
}
