package dev.carrierhub.carriers.sendcloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.CustomsLine;
import dev.carrierhub.contracts.shipment.Dimensions;
import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;

/**
 * Canonical model → Sendcloud API v3 request JSON. Pure: no I/O, the same input always gives the same JSON.
 *
 * <p>Sendcloud takes weights and lengths in the canonical units ({@code kg}, {@code g}, {@code lbs}, {@code oz};
 * {@code cm}, {@code mm}, {@code m}, {@code in}) as decimal strings, so nothing is converted. States stay ISO 3166-2
 * ({@code US-NY}). Several parcels travel in one shipment (multicollo); the customs lines become the parcel items of
 * the first parcel, with the per-item weight and price Sendcloud asks for (the line's totals divided by its
 * quantity). An address without a postal code and a customs line without HS code or weight are refused here,
 * before anything is sent, because Sendcloud requires them.
 */
public final class SendcloudRequestMapper {
    /** The longest customs invoice number Sendcloud takes. */
    static final int INVOICE_NUMBER_MAX = 40;

    private final String labelFormat;

    public SendcloudRequestMapper(String labelFormat) {
        this.labelFormat = Objects.requireNonNull(labelFormat, "labelFormat");
    }

    /**
     * The body of {@code POST /shipping-options}: the options that can carry this shipment, with quotes. It uses the
     * flat origin/destination fields, which Sendcloud documents next to (and exclusive of) the newer address objects.
     */
    public ObjectNode shippingOptionsRequest(Shipment shipment) {
        Objects.requireNonNull(shipment, "shipment");
        ObjectNode json = SendcloudJson.MAPPER.createObjectNode()
                .put("from_country_code", country(shipment.shipFrom()))
                .put("to_country_code", country(shipment.shipTo()));
        putIfPresent(json, "from_postal_code", shipment.shipFrom().postalCode());
        putIfPresent(json, "to_postal_code", shipment.shipTo().postalCode());
        ArrayNode parcels = json.putArray("parcels");
        for (Parcel parcel : shipment.parcels()) {
            ObjectNode quoted = SendcloudJson.MAPPER.createObjectNode();
            if (parcel.dimensions() != null) {
                quoted.set("dimensions", dimensions(parcel.dimensions()));
            }
            quoted.set("weight", weight(parcel.weight()));
            parcels.add(quoted);
        }
        json.put("calculate_quotes", true);
        return json;
    }

    /**
     * The body of {@code POST /shipments/announce}: the shipment with the shipping option of {@code serviceCode},
     * announced to the carrier at once. {@code external_reference_id} is the idempotency key: Sendcloud keeps it unique
     * per user and answers a repeat with 409 and the shipment made the first time.
     *
     * @throws CarrierException {@code INVALID_REQUEST} for a shipment Sendcloud cannot take
     */
    public ObjectNode announceRequest(Shipment shipment, String serviceCode, String idempotencyKey) {
        Objects.requireNonNull(shipment, "shipment");
        Objects.requireNonNull(serviceCode, "serviceCode");
        ObjectNode json = SendcloudJson.MAPPER.createObjectNode();
        json.set("from_address", address(shipment.shipFrom(), "ship_from"));
        json.set("to_address", address(shipment.shipTo(), "ship_to"));
        ObjectNode shipWith = json.putObject("ship_with").put("type", "shipping_option_code");
        shipWith.putObject("properties").put("shipping_option_code", serviceCode);
        ArrayNode parcels = json.putArray("parcels");
        for (int i = 0; i < shipment.parcels().size(); i++) {
            ObjectNode parcel = parcel(shipment.parcels().get(i));
            if (i == 0 && !shipment.customsLines().isEmpty()) {
                ArrayNode items = parcel.putArray("parcel_items");
                for (int line = 0; line < shipment.customsLines().size(); line++) {
                    items.add(parcelItem(shipment.customsLines().get(line), line, country(shipment.shipFrom())));
                }
            }
            parcels.add(parcel);
        }
        json.putObject("label_details").put("mime_type", mimeType(labelFormat)).put("dpi", dpi(labelFormat));
        json.put("order_number", orderNumber(shipment));
        json.put("reference", shipment.shipmentId());
        json.put("external_reference_id", Objects.requireNonNull(idempotencyKey, "idempotencyKey"));
        if (shipment.declaredValue() != null) {
            json.set("total_order_price", price(shipment.declaredValue().amount(), shipment.declaredValue().currency()));
        }
        if (shipment.crossesBorder() && !shipment.customsLines().isEmpty()) {
            json.putObject("customs_information")
                    .put("invoice_number", invoiceNumber(shipment))
                    .put("export_reason", "commercial_goods")
                    .put("export_type", shipment.shipTo().company() == null ? "commercial_b2c" : "commercial_b2b");
        }
        return json;
    }

    /** The MIME type Sendcloud renders a label format in. */
    static String mimeType(String labelFormat) {
        return switch (labelFormat) {
            case Label.PDF -> "application/pdf";
            case Label.ZPL -> "application/zpl";
            case Label.PNG -> "image/png";
            default -> throw new IllegalArgumentException("no Sendcloud label MIME type for " + labelFormat);
        };
    }

    /** The resolution of a label format: 72 dpi PDF (vector), 203 dpi ZPL (thermal printers), 300 dpi PNG. */
    static int dpi(String labelFormat) {
        return switch (labelFormat) {
            case Label.ZPL -> 203;
            case Label.PNG -> 300;
            default -> 72;
        };
    }

    private static ObjectNode address(Address address, String side) {
        if (address.postalCode() == null || address.postalCode().isBlank()) {
            throw new CarrierException(CarrierErrorKind.INVALID_REQUEST, "Sendcloud needs the postal code of " + side,
                    null, side + ".postal_code", "postal code is required", null);
        }
        ObjectNode json = SendcloudJson.MAPPER.createObjectNode().put("name", address.name());
        putIfPresent(json, "company_name", address.company());
        json.put("address_line_1", address.street1());
        putIfPresent(json, "address_line_2", address.street2());
        json.put("postal_code", address.postalCode()).put("city", address.city()).put("country_code", country(address));
        putIfPresent(json, "state_province_code", subdivision(address));
        putIfPresent(json, "email", address.email());
        putIfPresent(json, "phone_number", address.phone());
        return json;
    }

    private static ObjectNode parcel(Parcel parcel) {
        ObjectNode json = SendcloudJson.MAPPER.createObjectNode();
        json.set("weight", weight(parcel.weight()));
        if (parcel.dimensions() != null) {
            json.set("dimensions", dimensions(parcel.dimensions()));
        }
        return json;
    }

    private static ObjectNode parcelItem(CustomsLine line, int index, String fallbackOrigin) {
        if (line.hsCode() == null || line.hsCode().isBlank()) {
            throw refused("Sendcloud needs the HS code of customs line " + index, "customs_lines[" + index + "].hs_code",
                    "HS code is required");
        }
        if (line.weight() == null) {
            throw refused("Sendcloud needs the weight of customs line " + index, "customs_lines[" + index + "].weight",
                    "weight is required");
        }
        long quantity = wholeQuantity(line.quantity(), index);
        BigDecimal each = BigDecimal.valueOf(quantity);
        ObjectNode json = SendcloudJson.MAPPER.createObjectNode()
                .put("description", line.description())
                .put("quantity", quantity);
        json.putObject("weight")
                .put("value", line.weight().value().divide(each, 3, RoundingMode.HALF_UP))
                .put("unit", weightUnit(line.weight().unit()));
        json.set("price", price(line.value().amount().divide(each, 2, RoundingMode.HALF_UP), line.value().currency()));
        json.put("hs_code", line.hsCode())
                .put("origin_country", (line.originCountry() == null ? fallbackOrigin : line.originCountry())
                        .toUpperCase(Locale.ROOT));
        putIfPresent(json, "sku", line.sku());
        return json;
    }

    private static ObjectNode weight(Weight weight) {
        return SendcloudJson.MAPPER.createObjectNode()
                .put("value", weight.value().toPlainString())
                .put("unit", weightUnit(weight.unit()));
    }

    private static ObjectNode dimensions(Dimensions dimensions) {
        return SendcloudJson.MAPPER.createObjectNode()
                .put("length", dimensions.length().toPlainString())
                .put("width", dimensions.width().toPlainString())
                .put("height", dimensions.height().toPlainString())
                .put("unit", lengthUnit(dimensions.unit()));
    }

    private static ObjectNode price(BigDecimal amount, String currency) {
        return SendcloudJson.MAPPER.createObjectNode().put("value", amount.toPlainString()).put("currency", currency);
    }

    static String weightUnit(WeightUnit unit) {
        return switch (unit) {
            case KG -> "kg";
            case G -> "g";
            case LB -> "lbs";
            case OZ -> "oz";
        };
    }

    static String lengthUnit(LengthUnit unit) {
        return unit.name().toLowerCase(Locale.ROOT);
    }

    /** The order a shipment belongs to: Odoo's origin (the sales order), else the picking's name, else our id. */
    static String orderNumber(Shipment shipment) {
        if (shipment.picking().origin() != null && !shipment.picking().origin().isBlank()) {
            return shipment.picking().origin();
        }
        if (shipment.picking().pickingName() != null && !shipment.picking().pickingName().isBlank()) {
            return shipment.picking().pickingName();
        }
        return shipment.shipmentId();
    }

    private static String invoiceNumber(Shipment shipment) {
        String name = shipment.picking().pickingName() != null && !shipment.picking().pickingName().isBlank()
                ? shipment.picking().pickingName() : shipment.shipmentId();
        return name.length() <= INVOICE_NUMBER_MAX ? name : name.substring(0, INVOICE_NUMBER_MAX);
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
        throw refused("customs line " + index + " has quantity " + quantity.toPlainString()
                + "; Sendcloud counts whole items", "customs_lines[" + index + "].quantity", "a positive whole number");
    }

    private static String country(Address address) {
        return address.countryCode().toUpperCase(Locale.ROOT);
    }

    /** ISO 3166-2 as Sendcloud writes it ({@code US-NY}); a bare subdivision gets its country prefix. */
    static String subdivision(Address address) {
        if (address.stateCode() == null || address.stateCode().isBlank()) {
            return null;
        }
        String code = address.stateCode().trim().toUpperCase(Locale.ROOT);
        return code.contains("-") ? code : country(address) + "-" + code;
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
