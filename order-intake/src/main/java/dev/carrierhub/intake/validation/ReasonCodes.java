package dev.carrierhub.intake.validation;

/**
 * Every reason code the intake puts on a {@code shipment.exception}. They are part of the contract with
 * Odoo users (activities are routed on them): add codes, never rename one.
 */
public final class ReasonCodes {
    /** Kept from the first release: the picking has no ship-to partner, or no warehouse address and no override. */
    public static final String MISSING_ADDRESS = "missing-address";

    public static final String ADDRESS_NAME_MISSING = "address.name.missing";
    public static final String ADDRESS_STREET_MISSING = "address.street.missing";
    public static final String ADDRESS_CITY_MISSING = "address.city.missing";
    public static final String ADDRESS_COUNTRY_MISSING = "address.country.missing";
    public static final String ADDRESS_COUNTRY_INVALID = "address.country.invalid";
    public static final String ADDRESS_POSTAL_CODE_MISSING = "address.postal-code.missing";
    public static final String ADDRESS_POSTAL_CODE_INVALID = "address.postal-code.invalid";
    public static final String ADDRESS_STATE_MISSING = "address.state.missing";
    public static final String ADDRESS_STATE_INVALID = "address.state.invalid";

    public static final String PHONE_MISSING = "phone.missing";
    public static final String PHONE_INVALID = "phone.invalid";

    public static final String PARCEL_WEIGHT_NOT_POSITIVE = "parcel.weight.not-positive";
    public static final String PARCEL_WEIGHT_EXCEEDS_LIMIT = "parcel.weight.exceeds-limit";
    public static final String PARCEL_DIMENSIONS_NOT_POSITIVE = "parcel.dimensions.not-positive";
    public static final String PARCEL_DIMENSIONS_EXCEED_LIMIT = "parcel.dimensions.exceeds-limit";

    public static final String DECLARED_VALUE_CURRENCY_INVALID = "declared-value.currency.invalid";
    public static final String DECLARED_VALUE_NEGATIVE = "declared-value.negative";

    public static final String CUSTOMS_LINES_MISSING = "customs.lines.missing";
    public static final String CUSTOMS_LINE_DESCRIPTION_MISSING = "customs.line.description.missing";
    public static final String CUSTOMS_LINE_QUANTITY_INVALID = "customs.line.quantity.invalid";
    public static final String CUSTOMS_LINE_VALUE_INVALID = "customs.line.value.invalid";
    public static final String CUSTOMS_LINE_HS_CODE_MISSING = "customs.line.hs-code.missing";
    public static final String CUSTOMS_LINE_ORIGIN_MISSING = "customs.line.origin.missing";

    public static final String HAZARDOUS_SERVICE_NOT_ALLOWED = "hazardous.service-not-allowed";

    public static final String MAPPING_CARRIER_UNMAPPED = "mapping.carrier.unmapped";

    private ReasonCodes() {
    }
}
