package dev.carrierhub.carriers.shippo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.CustomsLine;
import dev.carrierhub.contracts.shipment.Dimensions;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.Weight;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Canonical model → Shippo request JSON (API version {@code 2018-02-08}). Pure: no I/O, the same input always gives
 * the same JSON.
 *
 * <p>Shippo takes weights and lengths in the canonical units as they are ({@code kg}, {@code lb}, {@code cm},
 * {@code in} …), so nothing is converted or rounded; numbers travel as decimal strings. A Shippo parcel needs its
 * dimensions, and a customs item its net weight: a shipment without them is refused here, before anything is sent,
 * as is a shipment of several parcels (multi-piece labels are carrier-specific in Shippo and not used).
 */
public final class ShippoRequestMapper {
    /** The most Shippo keeps in a {@code metadata} field. */
    static final int METADATA_MAX = 100;

    private final String labelFileType;
    private final List<String> carrierAccounts;

    public ShippoRequestMapper(String labelFormat, List<String> carrierAccounts) {
        this.labelFileType = labelFileType(Objects.requireNonNull(labelFormat, "labelFormat"));
        this.carrierAccounts = List.copyOf(carrierAccounts);
    }

    public ShippoRequestMapper(ShippoSettings settings) {
        this(settings.labelFormat(), settings.carrierAccounts());
    }

    /**
     * The body of {@code POST /shipments}, which rates the shipment ({@code async: false}: the rates come in the
     * answer). {@code metadata} is our shipment id, for finding it in Shippo's dashboard.
     *
     * @throws CarrierException {@code INVALID_REQUEST} for a shipment Shippo cannot take
     */
    public ObjectNode shipmentRequest(Shipment shipment) {
        Objects.requireNonNull(shipment, "shipment");
        if (shipment.parcels().size() != 1) {
            throw refused("a Shippo shipment is booked here with exactly one parcel, this one has " + shipment.parcels().size(),
                    "parcels", "one parcel per shipment");
        }
        ObjectNode json = ShippoJson.MAPPER.createObjectNode();
        json.set("address_from", address(shipment.shipFrom()));
        json.set("address_to", address(shipment.shipTo()));
        ArrayNode parcels = json.putArray("parcels");
        parcels.add(parcel(shipment.parcels().get(0), 0));
        if (!shipment.customsLines().isEmpty()) {
            json.set("customs_declaration", customsDeclaration(shipment));
        }
        if (!carrierAccounts.isEmpty()) {
            ArrayNode accounts = json.putArray("carrier_accounts");
            carrierAccounts.forEach(accounts::add);
        }
        json.put("metadata", truncated(shipment.shipmentId()));
        json.put("async", false);
        return json;
    }

    /**
     * The body of {@code POST /transactions} that buys a rate's label, synchronously. {@code metadata} carries the
     * idempotency key: Shippo has no idempotency header, and this is what {@code findBooking} looks for.
     */
    public ObjectNode transactionRequest(String rateId, String idempotencyKey) {
        Objects.requireNonNull(rateId, "rateId");
        return ShippoJson.MAPPER.createObjectNode()
                .put("rate", rateId)
                .put("label_file_type", labelFileType)
                .put("metadata", idempotencyKey)
                .put("async", false);
    }

    /** The body of {@code POST /refunds}, synchronous. */
    public ObjectNode refundRequest(String transactionId) {
        return ShippoJson.MAPPER.createObjectNode()
                .put("transaction", Objects.requireNonNull(transactionId, "transactionId"))
                .put("async", false);
    }

    /** The body of {@code POST /tracks}: Shippo then posts {@code track_updated} events to the account's webhooks. */
    public ObjectNode trackRequest(String carrier, String trackingNumber) {
        return ShippoJson.MAPPER.createObjectNode()
                .put("carrier", Objects.requireNonNull(carrier, "carrier"))
                .put("tracking_number", Objects.requireNonNull(trackingNumber, "trackingNumber"));
    }

    /** The body of {@code POST /webhooks} for tracking updates to {@code url}. */
    public ObjectNode webhookRequest(URI url, boolean test) {
        return ShippoJson.MAPPER.createObjectNode()
                .put("event", "track_updated")
                .put("url", Objects.requireNonNull(url, "url").toString())
                .put("active", true)
                .put("is_test", test);
    }

    /** Shippo's {@code label_file_type} of a canonical label format: 4×6 in PDF, ZPL II, or PNG. */
    static String labelFileType(String labelFormat) {
        return switch (labelFormat) {
            case Label.PDF -> "PDF_4x6";
            case Label.ZPL -> "ZPLII";
            case Label.PNG -> "PNG";
            default -> throw new IllegalArgumentException("no Shippo label file type for " + labelFormat);
        };
    }

    private static ObjectNode address(Address address) {
        ObjectNode json = ShippoJson.MAPPER.createObjectNode();
        putIfPresent(json, "name", address.name());
        putIfPresent(json, "company", address.company());
        putIfPresent(json, "street1", address.street1());
        putIfPresent(json, "street2", address.street2());
        putIfPresent(json, "city", address.city());
        putIfPresent(json, "state", subdivision(address.stateCode(), address.countryCode()));
        putIfPresent(json, "zip", address.postalCode());
        json.put("country", address.countryCode().toUpperCase(Locale.ROOT));
        putIfPresent(json, "phone", address.phone());
        putIfPresent(json, "email", address.email());
        json.put("is_residential", address.residential());
        return json;
    }

    private static ObjectNode parcel(Parcel parcel, int index) {
        Dimensions dimensions = parcel.dimensions();
        if (dimensions == null) {
            throw refused("Shippo needs the dimensions of parcel " + parcel.reference(),
                    "parcels[" + index + "].dimensions", "length, width, height and unit are required");
        }
        ObjectNode json = ShippoJson.MAPPER.createObjectNode()
                .put("length", dimensions.length().toPlainString())
                .put("width", dimensions.width().toPlainString())
                .put("height", dimensions.height().toPlainString())
                .put("distance_unit", dimensions.unit().name().toLowerCase(Locale.ROOT));
        weight(json, "weight", parcel.weight());
        putIfPresent(json, "metadata", truncated(parcel.reference()));
        return json;
    }

    private static ObjectNode customsDeclaration(Shipment shipment) {
        ObjectNode json = ShippoJson.MAPPER.createObjectNode()
                .put("certify", true)
                .put("certify_signer", shipment.shipFrom().name())
                .put("contents_type", "MERCHANDISE")
                .put("non_delivery_option", "RETURN");
        if ("US".equalsIgnoreCase(shipment.shipFrom().countryCode())) {
            // US exports below the filing threshold need the exemption Shippo names NOEEI_30_37_a.
            json.put("eel_pfc", "NOEEI_30_37_a");
        }
        ArrayNode items = json.putArray("items");
        for (int i = 0; i < shipment.customsLines().size(); i++) {
            items.add(customsItem(shipment.customsLines().get(i), i, shipment.shipFrom().countryCode()));
        }
        return json;
    }

    private static ObjectNode customsItem(CustomsLine line, int index, String fallbackOrigin) {
        if (line.weight() == null) {
            throw refused("Shippo needs the net weight of customs line " + index,
                    "customs_lines[" + index + "].weight", "net weight is required");
        }
        ObjectNode json = ShippoJson.MAPPER.createObjectNode()
                .put("description", line.description())
                .put("quantity", wholeQuantity(line.quantity(), index));
        json.put("net_weight", line.weight().value().toPlainString())
                .put("mass_unit", massUnit(line.weight()))
                .put("value_amount", line.value().amount().toPlainString())
                .put("value_currency", line.value().currency())
                // Shippo requires an origin; the sender's country is the usual one when the line names none.
                .put("origin_country", (line.originCountry() == null ? fallbackOrigin : line.originCountry())
                        .toUpperCase(Locale.ROOT));
        putIfPresent(json, "hs_code", line.hsCode());
        putIfPresent(json, "sku_code", line.sku());
        return json;
    }

    private static void weight(ObjectNode json, String field, Weight weight) {
        json.put(field, weight.value().toPlainString()).put("mass_unit", massUnit(weight));
    }

    private static String massUnit(Weight weight) {
        return weight.unit().name().toLowerCase(Locale.ROOT);
    }

    static long wholeQuantity(BigDecimal quantity, int index) {
        try {
            long whole = quantity.longValueExact();
            if (whole > 0) {
                return whole;
            }
        } catch (ArithmeticException fractional) {
            // Falls through to the refusal below.
        }
        throw refused("customs line " + index + " has quantity " + quantity.toPlainString() + "; Shippo counts whole items",
                "customs_lines[" + index + "].quantity", "a positive whole number");
    }

    /** {@code US-IL} → {@code IL}; a code without its country prefix is kept. */
    static String subdivision(String stateCode, String countryCode) {
        if (stateCode == null || stateCode.isBlank()) {
            return null;
        }
        String prefix = countryCode.toUpperCase(Locale.ROOT) + "-";
        String code = stateCode.trim().toUpperCase(Locale.ROOT);
        return code.startsWith(prefix) ? code.substring(prefix.length()) : code;
    }

    private static String truncated(String value) {
        return value == null || value.length() <= METADATA_MAX ? value : value.substring(0, METADATA_MAX);
    }

    private static void putIfPresent(ObjectNode json, String field, String value) {
        if (value != null && !value.isBlank()) {
            json.put(field, value);
        }
    }

    private static CarrierException refused(String message, String field, String reason) {
        return new CarrierException(CarrierErrorKind.INVALID_REQUEST, message, null, field, reason, null);
    }
}
