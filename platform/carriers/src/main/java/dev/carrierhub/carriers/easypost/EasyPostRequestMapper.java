package dev.carrierhub.carriers.easypost;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.CustomsLine;
import dev.carrierhub.contracts.shipment.Dimensions;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.Shipment;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Canonical model → EasyPost request JSON. Pure: no I/O, the same input always gives the same JSON.
 *
 * <p>EasyPost wants ounces and inches, a state without its country prefix ({@code IL}, not {@code US-IL}), and
 * customs items whose weight and value are the totals of the line. An EasyPost shipment carries one parcel
 * (several parcels need EasyPost Orders, which this connector does not use), so a shipment with more is refused
 * here, before anything is sent.
 */
public final class EasyPostRequestMapper {
    private final String labelFormat;
    private final List<String> carrierAccounts;

    public EasyPostRequestMapper(String labelFormat, List<String> carrierAccounts) {
        this.labelFormat = Objects.requireNonNull(labelFormat, "labelFormat");
        this.carrierAccounts = List.copyOf(carrierAccounts);
    }

    /** Settings' label format and carrier accounts. */
    public EasyPostRequestMapper(EasyPostSettings settings) {
        this(settings.labelFormat(), settings.carrierAccounts());
    }

    /**
     * The body of {@code POST /shipments}. EasyPost rates a shipment when it is created, so the same body serves
     * to quote ({@code reference} null) and to book ({@code reference} = the idempotency key, which EasyPost accepts
     * in place of the id in {@code GET /shipments/{id}}).
     *
     * @throws CarrierException {@code INVALID_REQUEST} for a shipment EasyPost cannot take (several parcels,
     *                          a fractional customs quantity)
     */
    public ObjectNode shipmentRequest(Shipment shipment, String reference) {
        Objects.requireNonNull(shipment, "shipment");
        if (shipment.parcels().size() != 1) {
            throw new CarrierException(CarrierErrorKind.INVALID_REQUEST,
                    "an EasyPost shipment carries exactly one parcel, this one has " + shipment.parcels().size(),
                    null, "parcels", "one parcel per shipment", null);
        }
        ObjectNode root = EasyPostJson.MAPPER.createObjectNode();
        ObjectNode json = root.putObject("shipment");
        if (reference != null) {
            json.put("reference", reference);
        }
        json.set("to_address", address(shipment.shipTo()));
        json.set("from_address", address(shipment.shipFrom()));
        json.set("parcel", parcel(shipment.parcels().get(0)));
        if (!shipment.customsLines().isEmpty()) {
            json.set("customs_info", customsInfo(shipment));
        }
        json.putObject("options").put("label_format", labelFormat);
        if (!carrierAccounts.isEmpty()) {
            ArrayNode accounts = json.putArray("carrier_accounts");
            carrierAccounts.forEach(accounts::add);
        }
        return root;
    }

    /** The body of {@code POST /shipments/{id}/buy}. */
    public ObjectNode buyRequest(String rateId) {
        ObjectNode root = EasyPostJson.MAPPER.createObjectNode();
        root.putObject("rate").put("id", Objects.requireNonNull(rateId, "rateId"));
        return root;
    }

    /** The body of {@code POST /trackers}; EasyPost detects the carrier from the code. */
    public ObjectNode trackerRequest(String trackingCode) {
        ObjectNode root = EasyPostJson.MAPPER.createObjectNode();
        root.putObject("tracker").put("tracking_code", Objects.requireNonNull(trackingCode, "trackingCode"));
        return root;
    }

    /** The body of {@code POST /webhooks}; with a secret EasyPost signs each delivery ({@code X-Hmac-Signature}). */
    public ObjectNode webhookRequest(URI url, String webhookSecret) {
        ObjectNode root = EasyPostJson.MAPPER.createObjectNode();
        ObjectNode webhook = root.putObject("webhook").put("url", Objects.requireNonNull(url, "url").toString());
        if (webhookSecret != null) {
            webhook.put("webhook_secret", webhookSecret);
        }
        return root;
    }

    /** The label format EasyPost names in {@code options.label_format}. */
    String labelFormat() {
        return labelFormat;
    }

    private static ObjectNode address(Address address) {
        ObjectNode json = EasyPostJson.MAPPER.createObjectNode();
        putIfPresent(json, "name", address.name());
        putIfPresent(json, "company", address.company());
        putIfPresent(json, "street1", address.street1());
        putIfPresent(json, "street2", address.street2());
        putIfPresent(json, "city", address.city());
        putIfPresent(json, "state", subdivision(address.stateCode(), address.countryCode()));
        putIfPresent(json, "zip", address.postalCode());
        putIfPresent(json, "country", address.countryCode().toUpperCase(Locale.ROOT));
        putIfPresent(json, "phone", address.phone());
        putIfPresent(json, "email", address.email());
        json.put("residential", address.residential());
        return json;
    }

    private static ObjectNode parcel(Parcel parcel) {
        ObjectNode json = EasyPostJson.MAPPER.createObjectNode();
        Dimensions dimensions = parcel.dimensions();
        if (dimensions != null) {
            json.put("length", EasyPostUnits.inches(dimensions.length(), dimensions.unit()))
                    .put("width", EasyPostUnits.inches(dimensions.width(), dimensions.unit()))
                    .put("height", EasyPostUnits.inches(dimensions.height(), dimensions.unit()));
        }
        json.put("weight", EasyPostUnits.ounces(parcel.weight()));
        return json;
    }

    private static ObjectNode customsInfo(Shipment shipment) {
        ObjectNode json = EasyPostJson.MAPPER.createObjectNode()
                .put("contents_type", "merchandise")
                .put("customs_certify", true)
                .put("customs_signer", shipment.shipFrom().name())
                .put("non_delivery_option", "return")
                .put("restriction_type", "none");
        if ("US".equalsIgnoreCase(shipment.shipFrom().countryCode())) {
            // US exports below the filing threshold need the exemption; EasyPost names the usual one.
            json.put("eel_pfc", "NOEEI 30.37(a)");
        }
        ArrayNode items = json.putArray("customs_items");
        for (int i = 0; i < shipment.customsLines().size(); i++) {
            items.add(customsItem(shipment.customsLines().get(i), i));
        }
        return json;
    }

    private static ObjectNode customsItem(CustomsLine line, int index) {
        ObjectNode json = EasyPostJson.MAPPER.createObjectNode().put("description", line.description())
                .put("quantity", wholeQuantity(line.quantity(), index))
                .put("value", line.value().amount().toPlainString())
                .put("currency", line.value().currency());
        if (line.weight() != null) {
            json.put("weight", EasyPostUnits.ounces(line.weight()));
        }
        putIfPresent(json, "hs_tariff_number", line.hsCode());
        putIfPresent(json, "origin_country", line.originCountry());
        putIfPresent(json, "code", line.sku());
        return json;
    }

    static int wholeQuantity(BigDecimal quantity, int index) {
        try {
            int whole = quantity.intValueExact();
            if (whole > 0) {
                return whole;
            }
        } catch (ArithmeticException fractional) {
            // Falls through to the refusal below.
        }
        throw new CarrierException(CarrierErrorKind.INVALID_REQUEST,
                "customs line " + index + " has quantity " + quantity.toPlainString() + "; EasyPost counts whole items",
                null, "customs_lines[" + index + "].quantity", "a positive whole number", null);
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

    private static void putIfPresent(ObjectNode json, String field, String value) {
        if (value != null && !value.isBlank()) {
            json.put(field, value);
        }
    }
}
