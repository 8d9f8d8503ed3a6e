package dev.carrierhub.carriers.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates a rate or shipment request the way a strict carrier does, naming the offending field, and
 * keeps what the sandbox needs of it.
 */
final class ShipmentRequestReader {
    static final BigDecimal MAX_PARCEL_KG = new BigDecimal("70");
    static final int MAX_PARCELS = 50;
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private ShipmentRequestReader() {
    }

    static ParsedShipment read(JsonNode body) throws ApiError {
        JsonNode shipTo = requireObject(body, "ship_to");
        JsonNode shipFrom = requireObject(body, "ship_from");
        return new ParsedShipment(
                optionalText(body, "reference"),
                requireText(shipTo, "ship_to", "name"),
                requireText(shipTo, "ship_to", "city"),
                requireCountry(shipTo, "ship_to"),
                requireText(shipFrom, "ship_from", "city"),
                requireCountry(shipFrom, "ship_from"),
                parcels(body),
                currency(body),
                body.path("customs_lines").isArray() && !body.path("customs_lines").isEmpty(),
                body.path("hazardous").asBoolean(false));
    }

    private static List<ParsedShipment.Parcel> parcels(JsonNode body) throws ApiError {
        JsonNode parcels = body.path("parcels");
        if (!parcels.isArray() || parcels.isEmpty()) {
            throw ApiError.invalid("parcels", "at least one parcel is required");
        }
        if (parcels.size() > MAX_PARCELS) {
            throw ApiError.invalid("parcels", "at most " + MAX_PARCELS + " parcels per shipment");
        }
        List<ParsedShipment.Parcel> read = new ArrayList<>();
        for (int i = 0; i < parcels.size(); i++) {
            String field = "parcels[" + i + "]";
            JsonNode parcel = parcels.get(i);
            String reference = parcel.path("reference").asText("");
            if (reference.isBlank()) {
                throw ApiError.invalid(field + ".reference", "every parcel needs a reference");
            }
            JsonNode weight = parcel.path("weight");
            if (!"kg".equals(weight.path("unit").asText())) {
                throw ApiError.invalid(field + ".weight.unit", "weights are accepted in kg only");
            }
            if (!weight.path("value").isNumber()) {
                throw ApiError.invalid(field + ".weight.value", "the weight must be a number");
            }
            BigDecimal kilograms = weight.path("value").decimalValue();
            if (kilograms.signum() <= 0 || kilograms.compareTo(MAX_PARCEL_KG) > 0) {
                throw ApiError.invalid(field + ".weight.value",
                        "a parcel must weigh more than 0 and at most " + MAX_PARCEL_KG + " kg");
            }
            read.add(new ParsedShipment.Parcel(reference, kilograms));
        }
        return read;
    }

    private static String currency(JsonNode body) throws ApiError {
        JsonNode declared = body.path("declared_value");
        if (declared.isMissingNode() || declared.isNull()) {
            return "USD";
        }
        String currency = declared.path("currency").asText("");
        if (!CURRENCY.matcher(currency).matches()) {
            throw ApiError.invalid("declared_value.currency", "an ISO 4217 currency code is required");
        }
        return currency;
    }

    private static JsonNode requireObject(JsonNode body, String field) throws ApiError {
        JsonNode node = body.path(field);
        if (!node.isObject()) {
            throw ApiError.invalid(field, field + " is required");
        }
        return node;
    }

    private static String requireText(JsonNode node, String parent, String field) throws ApiError {
        String value = node.path(field).asText("");
        if (value.isBlank()) {
            throw ApiError.invalid(parent + "." + field, parent + "." + field + " is required");
        }
        return value;
    }

    private static String requireCountry(JsonNode address, String parent) throws ApiError {
        String country = address.path("country_code").asText("");
        if (!COUNTRY.matcher(country).matches()) {
            throw ApiError.invalid(parent + ".country_code", "an ISO 3166-1 alpha-2 country code is required");
        }
        return country;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
