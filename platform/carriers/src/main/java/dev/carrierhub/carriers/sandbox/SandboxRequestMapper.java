package dev.carrierhub.carriers.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrierhub.carriers.Units;
import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.CustomsLine;
import dev.carrierhub.contracts.shipment.Dimensions;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.Weight;
import java.net.URI;
import java.util.Objects;

/**
 * Canonical model → sandbox request JSON (snake_case, weights in kg, lengths in cm, money as decimal
 * strings). Pure: no I/O, the same input always gives the same JSON.
 */
public final class SandboxRequestMapper {

    /** The body of {@code POST /v1/rates}. */
    public ObjectNode rateRequest(Shipment shipment) {
        Objects.requireNonNull(shipment, "shipment");
        ObjectNode json = SandboxJson.MAPPER.createObjectNode();
        json.put("reference", shipment.shipmentId());
        json.set("ship_from", address(shipment.shipFrom()));
        json.set("ship_to", address(shipment.shipTo()));
        ArrayNode parcels = json.putArray("parcels");
        shipment.parcels().forEach(parcel -> parcels.add(parcel(parcel)));
        if (shipment.declaredValue() != null) {
            json.set("declared_value", money(shipment.declaredValue()));
        }
        if (!shipment.customsLines().isEmpty()) {
            ArrayNode lines = json.putArray("customs_lines");
            shipment.customsLines().forEach(line -> lines.add(customsLine(line)));
        }
        json.put("hazardous", shipment.hazardous());
        return json;
    }

    /** The body of {@code POST /v1/shipments}: the rate request plus the chosen service. */
    public ObjectNode shipRequest(Shipment shipment, String serviceCode) {
        Objects.requireNonNull(serviceCode, "serviceCode");
        return rateRequest(shipment).put("service_code", serviceCode);
    }

    /** The body of {@code POST /v1/trackers}. */
    public ObjectNode trackerRequest(String trackingNumber, URI callbackUrl) {
        return SandboxJson.MAPPER.createObjectNode()
                .put("tracking_number", Objects.requireNonNull(trackingNumber, "trackingNumber"))
                .put("callback_url", Objects.requireNonNull(callbackUrl, "callbackUrl").toString());
    }

    private static ObjectNode address(Address address) {
        ObjectNode json = SandboxJson.MAPPER.createObjectNode();
        putIfPresent(json, "name", address.name());
        putIfPresent(json, "company", address.company());
        putIfPresent(json, "street1", address.street1());
        putIfPresent(json, "street2", address.street2());
        putIfPresent(json, "city", address.city());
        putIfPresent(json, "postal_code", address.postalCode());
        putIfPresent(json, "state_code", address.stateCode());
        putIfPresent(json, "country_code", address.countryCode());
        putIfPresent(json, "phone", address.phone());
        putIfPresent(json, "email", address.email());
        json.put("residential", address.residential());
        return json;
    }

    private static ObjectNode parcel(Parcel parcel) {
        ObjectNode json = SandboxJson.MAPPER.createObjectNode().put("reference", parcel.reference());
        json.set("weight", weight(parcel.weight()));
        Dimensions dimensions = parcel.dimensions();
        if (dimensions != null) {
            json.putObject("dimensions")
                    .put("length", Units.centimetres(dimensions.length(), dimensions.unit()))
                    .put("width", Units.centimetres(dimensions.width(), dimensions.unit()))
                    .put("height", Units.centimetres(dimensions.height(), dimensions.unit()))
                    .put("unit", "cm");
        }
        putIfPresent(json, "package_type", parcel.packageType());
        return json;
    }

    private static ObjectNode customsLine(CustomsLine line) {
        ObjectNode json = SandboxJson.MAPPER.createObjectNode();
        putIfPresent(json, "sku", line.sku());
        json.put("description", line.description());
        putIfPresent(json, "hs_code", line.hsCode());
        putIfPresent(json, "origin_country", line.originCountry());
        json.put("quantity", line.quantity());
        if (line.weight() != null) {
            json.set("weight", weight(line.weight()));
        }
        json.set("value", money(line.value()));
        return json;
    }

    private static ObjectNode weight(Weight weight) {
        return SandboxJson.MAPPER.createObjectNode().put("value", Units.kilograms(weight)).put("unit", "kg");
    }

    private static ObjectNode money(Money money) {
        return SandboxJson.MAPPER.createObjectNode()
                .put("amount", money.amount().toPlainString())
                .put("currency", money.currency());
    }

    private static void putIfPresent(ObjectNode json, String field, String value) {
        if (value != null && !value.isBlank()) {
            json.put(field, value);
        }
    }
}
