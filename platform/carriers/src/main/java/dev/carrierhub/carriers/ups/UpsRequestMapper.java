package dev.carrierhub.carriers.ups;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.CustomsLine;
import dev.carrierhub.contracts.shipment.Dimensions;
import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.Shipment;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Canonical model → UPS Rating and Shipping request JSON. Pure: no I/O, the same input always gives the
 * same JSON.
 *
 * <p>Conventions: the account's shipper number pays ({@code BillShipper}) and asks for negotiated rates;
 * the ship-from address is also the {@code Shipper}; weights and lengths are in pounds and inches when the
 * parcel leaves the US or Puerto Rico and in kilograms and centimetres otherwise (UPS wants the units of
 * the shipper's country), rounded up (weights to a tenth, sides to whole units) so nothing is
 * under-declared; the longest side is sent as {@code Length}; text is cut to UPS's field lengths; customs
 * lines are not sent (see {@link UpsConnector#capabilities()}).
 */
public final class UpsRequestMapper {
    static final String CUSTOMER_SUPPLIED_PACKAGE = "02";
    static final String BILL_SHIPPER = "01";
    static final String NON_DOCUMENT = "03";
    /** UPS packaging codes a parcel's {@code packageType} may name directly; anything else is "customer supplied". */
    private static final Set<String> PACKAGING_CODES =
            Set.of("01", "02", "03", "04", "21", "24", "25", "2a", "2b", "2c", "30");
    private static final Set<String> IMPERIAL_COUNTRIES = Set.of("US", "PR");
    private static final BigDecimal KG_PER_LB = new BigDecimal("0.45359237");
    private static final BigDecimal CM_PER_IN = new BigDecimal("2.54");
    private static final BigDecimal OUNCES_PER_POUND = new BigDecimal("16");
    private static final BigDecimal GRAMS_PER_LB = new BigDecimal("453.59237");
    private static final BigDecimal LEAST_WEIGHT = new BigDecimal("0.1");

    private final String accountNumber;
    private final UpsLabelFormat labelFormat;

    public UpsRequestMapper(String accountNumber, UpsLabelFormat labelFormat) {
        this.accountNumber = Objects.requireNonNull(accountNumber, "accountNumber");
        this.labelFormat = Objects.requireNonNull(labelFormat, "labelFormat");
    }

    public UpsRequestMapper(UpsSettings settings) {
        this(settings.accountNumber(), settings.labelFormat());
    }

    /**
     * The body of {@code POST /api/rating/{version}/{requestoption}}.
     *
     * @param serviceCode   the service to rate with {@code Rate}, or null to shop every service
     * @param timeInTransit whether shopping asks for transit times too ({@code Shoptimeintransit})
     */
    public ObjectNode rateRequest(Shipment shipment, String serviceCode, boolean timeInTransit) {
        Objects.requireNonNull(shipment, "shipment");
        UnitSystem units = UnitSystem.of(shipment);
        ObjectNode json = UpsJson.MAPPER.createObjectNode();
        ObjectNode request = json.putObject("RateRequest");
        ObjectNode header = request.putObject("Request");
        // The schema requires the option in the body too; it is the URL's {requestoption}.
        header.put("RequestOption", requestOption(serviceCode, timeInTransit));
        header.putObject("TransactionReference").put("CustomerContext", cut(shipment.shipmentId(), 512));
        ObjectNode body = request.putObject("Shipment");
        ObjectNode shipper = party(shipment.shipFrom(), false);
        shipper.put("ShipperNumber", accountNumber);
        body.set("Shipper", reorder(shipper, "Name", "AttentionName", "ShipperNumber", "Address"));
        body.set("ShipTo", party(shipment.shipTo(), true));
        body.set("ShipFrom", party(shipment.shipFrom(), false));
        body.putObject("PaymentDetails").putArray("ShipmentCharge").addObject()
                .put("Type", BILL_SHIPPER)
                .putObject("BillShipper").put("AccountNumber", accountNumber);
        if (serviceCode != null) {
            body.set("Service", service(serviceCode));
        }
        ArrayNode packages = body.putArray("Package");
        for (Parcel parcel : shipment.parcels()) {
            ObjectNode pkg = packages.addObject();
            pkg.putObject("PackagingType").put("Code", packaging(parcel));
            putDimensions(pkg, parcel, units);
            pkg.set("PackageWeight", weight(parcel, units));
        }
        body.putObject("ShipmentRatingOptions").put("NegotiatedRatesIndicator", "Y");
        putInvoiceLineTotal(body, shipment);
        if (timeInTransit) {
            ObjectNode total = body.putObject("ShipmentTotalWeight");
            total.putObject("UnitOfMeasurement").put("Code", units.weightCode).put("Description", units.weightName);
            total.put("Weight", plain(shipment.parcels().stream().map(p -> weightValue(p, units))
                    .reduce(BigDecimal.ZERO, BigDecimal::add)));
            body.putObject("DeliveryTimeInformation").put("PackageBillType", NON_DOCUMENT);
        }
        return json;
    }

    /** The Rating {@code requestoption} of a request: {@code Rate} one service, or {@code Shop} them all. */
    public static String requestOption(String serviceCode, boolean timeInTransit) {
        if (serviceCode != null) {
            return UpsEndpoints.RATE;
        }
        return timeInTransit ? UpsEndpoints.SHOP_TIME_IN_TRANSIT : UpsEndpoints.SHOP;
    }

    /**
     * The body of {@code POST /api/shipments/{version}/ship}: one {@code Package} per parcel, in order, each
     * answered by one label. The idempotency key travels as {@code CustomerContext} and, shortened by
     * {@link UpsBookingReference}, as the reference number printed on the label.
     */
    public ObjectNode shipRequest(Shipment shipment, String serviceCode, String idempotencyKey) {
        Objects.requireNonNull(shipment, "shipment");
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        UnitSystem units = UnitSystem.of(shipment);
        String reference = UpsBookingReference.of(idempotencyKey);
        // UPS takes package-level references inside the US and Puerto Rico and shipment-level ones elsewhere.
        boolean domesticUs = IMPERIAL_COUNTRIES.contains(country(shipment.shipFrom()))
                && IMPERIAL_COUNTRIES.contains(country(shipment.shipTo()))
                && country(shipment.shipFrom()).equals(country(shipment.shipTo()));

        ObjectNode json = UpsJson.MAPPER.createObjectNode();
        ObjectNode request = json.putObject("ShipmentRequest");
        ObjectNode header = request.putObject("Request");
        header.put("RequestOption", "validate");
        header.putObject("TransactionReference").put("CustomerContext", cut(idempotencyKey, 512));

        ObjectNode body = request.putObject("Shipment");
        if (shipment.crossesBorder()) {
            body.put("Description", goodsDescription(shipment));
        }
        ObjectNode shipper = party(shipment.shipFrom(), false);
        putContact(shipper, shipment.shipFrom(), false);
        shipper.put("ShipperNumber", accountNumber);
        body.set("Shipper", reorder(shipper, "Name", "AttentionName", "Phone", "ShipperNumber", "EMailAddress", "Address"));
        ObjectNode shipTo = party(shipment.shipTo(), true);
        putContact(shipTo, shipment.shipTo(), true);
        body.set("ShipTo", reorder(shipTo, "Name", "AttentionName", "Phone", "EMailAddress", "Address"));
        ObjectNode shipFrom = party(shipment.shipFrom(), false);
        putContact(shipFrom, shipment.shipFrom(), false);
        body.set("ShipFrom", reorder(shipFrom, "Name", "AttentionName", "Phone", "Address"));
        body.putObject("PaymentInformation").putArray("ShipmentCharge").addObject()
                .put("Type", BILL_SHIPPER)
                .putObject("BillShipper").put("AccountNumber", accountNumber);
        body.set("Service", service(serviceCode));
        if (!domesticUs) {
            body.putArray("ReferenceNumber").addObject().put("Value", reference);
        }
        putInvoiceLineTotal(body, shipment);
        ArrayNode packages = body.putArray("Package");
        for (Parcel parcel : shipment.parcels()) {
            ObjectNode pkg = packages.addObject();
            pkg.putObject("Packaging").put("Code", packaging(parcel));
            putDimensions(pkg, parcel, units);
            pkg.set("PackageWeight", weight(parcel, units));
            if (domesticUs) {
                pkg.putArray("ReferenceNumber").addObject().put("Value", reference);
            }
        }
        body.putObject("ShipmentRatingOptions").put("NegotiatedRatesIndicator", "Y");

        ObjectNode label = request.putObject("LabelSpecification");
        label.putObject("LabelImageFormat").put("Code", labelFormat.requestCode());
        // Required by the schema for every format; UPS reads it for thermal (ZPL) labels: 4 × 6 in.
        label.putObject("LabelStockSize").put("Height", "6").put("Width", "4");
        return json;
    }

    private static ObjectNode service(String serviceCode) {
        ObjectNode service = UpsJson.MAPPER.createObjectNode().put("Code", serviceCode);
        UpsService.ofCode(serviceCode).ifPresent(known -> service.put("Description", known.description()));
        return service;
    }

    /** Name, attention name and address; the name is the company when there is one, as UPS prints it. */
    private static ObjectNode party(Address address, boolean shipTo) {
        ObjectNode json = UpsJson.MAPPER.createObjectNode();
        String company = blankToNull(address.company());
        json.put("Name", cut(company != null ? company : address.name(), 35));
        json.put("AttentionName", cut(address.name(), 35));
        ObjectNode postal = json.putObject("Address");
        ArrayNode lines = postal.putArray("AddressLine");
        lines.add(cut(address.street1(), 35));
        if (blankToNull(address.street2()) != null) {
            lines.add(cut(address.street2(), 35));
        }
        postal.put("City", cut(address.city(), 30));
        String state = stateCode(address.stateCode());
        if (state != null) {
            postal.put("StateProvinceCode", state);
        }
        String postalCode = postalCode(address.postalCode());
        if (postalCode != null) {
            postal.put("PostalCode", postalCode);
        }
        postal.put("CountryCode", country(address));
        if (shipTo && address.residential()) {
            postal.put("ResidentialAddressIndicator", "Y");
        }
        return json;
    }

    private static void putContact(ObjectNode party, Address address, boolean withEmail) {
        String phone = phone(address.phone());
        if (phone != null) {
            party.putObject("Phone").put("Number", phone);
        }
        if (withEmail && blankToNull(address.email()) != null && address.email().length() <= 50) {
            party.put("EMailAddress", address.email().trim());
        }
    }

    /** Puts the fields in UPS's documented order, so golden files read like UPS's examples. */
    private static ObjectNode reorder(ObjectNode node, String... order) {
        ObjectNode ordered = UpsJson.MAPPER.createObjectNode();
        for (String field : order) {
            if (node.has(field)) {
                ordered.set(field, node.get(field));
            }
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!ordered.has(field)) {
                ordered.set(field, node.get(field));
            }
        });
        return ordered;
    }

    private static void putDimensions(ObjectNode pkg, Parcel parcel, UnitSystem units) {
        Dimensions dimensions = parcel.dimensions();
        if (dimensions == null) {
            return;
        }
        List<BigDecimal> sides = new ArrayList<>(List.of(
                length(dimensions.length(), dimensions.unit(), units),
                length(dimensions.width(), dimensions.unit(), units),
                length(dimensions.height(), dimensions.unit(), units)));
        sides.sort(Comparator.reverseOrder());
        ObjectNode json = pkg.putObject("Dimensions");
        json.putObject("UnitOfMeasurement").put("Code", units.lengthCode).put("Description", units.lengthName);
        json.put("Length", plain(sides.get(0)));
        json.put("Width", plain(sides.get(1)));
        json.put("Height", plain(sides.get(2)));
    }

    private static ObjectNode weight(Parcel parcel, UnitSystem units) {
        ObjectNode json = UpsJson.MAPPER.createObjectNode();
        json.putObject("UnitOfMeasurement").put("Code", units.weightCode).put("Description", units.weightName);
        json.put("Weight", plain(weightValue(parcel, units)));
        return json;
    }

    /** The weight in pounds or kilograms, converted exactly and then rounded up once (3 lb stays 3.0). */
    static BigDecimal weightValue(Parcel parcel, UnitSystem units) {
        BigDecimal value = parcel.weight().value();
        BigDecimal converted = units.imperial
                ? switch (parcel.weight().unit()) {
                    case LB -> value;
                    case OZ -> value.divide(OUNCES_PER_POUND, MathContext.DECIMAL64);
                    case KG -> value.divide(KG_PER_LB, MathContext.DECIMAL64);
                    case G -> value.divide(GRAMS_PER_LB, MathContext.DECIMAL64);
                }
                : switch (parcel.weight().unit()) {
                    case KG -> value;
                    case G -> value.movePointLeft(3);
                    case LB -> value.multiply(KG_PER_LB);
                    case OZ -> value.multiply(KG_PER_LB).divide(OUNCES_PER_POUND, MathContext.DECIMAL64);
                };
        return converted.setScale(1, RoundingMode.CEILING).max(LEAST_WEIGHT);
    }

    /**
     * A side in whole inches or centimetres, converted exactly and then rounded up: the Shipping schema
     * allows three characters, and UPS rounds each side to a whole unit for dimensional weight anyway.
     */
    private static BigDecimal length(BigDecimal value, LengthUnit unit, UnitSystem units) {
        BigDecimal centimetres = switch (unit) {
            case CM -> value;
            case MM -> value.movePointLeft(1);
            case M -> value.movePointRight(2);
            case IN -> value.multiply(CM_PER_IN);
        };
        BigDecimal converted = !units.imperial ? centimetres
                : unit == LengthUnit.IN ? value : centimetres.divide(CM_PER_IN, MathContext.DECIMAL64);
        return converted.setScale(0, RoundingMode.CEILING).max(BigDecimal.ONE);
    }

    /** UPS wants {@code InvoiceLineTotal} on forward shipments from the US to Canada or Puerto Rico only. */
    private static void putInvoiceLineTotal(ObjectNode body, Shipment shipment) {
        String from = country(shipment.shipFrom());
        String to = country(shipment.shipTo());
        if (shipment.declaredValue() == null || !"US".equals(from) || !("CA".equals(to) || "PR".equals(to))) {
            return;
        }
        // Whole units from 1 to 99999999, rounded up.
        BigDecimal whole = shipment.declaredValue().amount().setScale(0, RoundingMode.CEILING).max(BigDecimal.ONE);
        body.putObject("InvoiceLineTotal")
                .put("CurrencyCode", shipment.declaredValue().currency())
                .put("MonetaryValue", whole.toPlainString());
    }

    private static String goodsDescription(Shipment shipment) {
        String described = shipment.customsLines().stream().map(CustomsLine::description)
                .map(UpsRequestMapper::blankToNull).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining(", "));
        return cut(described.isEmpty() ? "Merchandise" : described, 50);
    }

    private static String packaging(Parcel parcel) {
        String type = blankToNull(parcel.packageType());
        return type != null && PACKAGING_CODES.contains(type.toLowerCase(Locale.ROOT))
                ? type.toLowerCase(Locale.ROOT) : CUSTOMER_SUPPLIED_PACKAGE;
    }

    private static String country(Address address) {
        return address.countryCode().trim().toUpperCase(Locale.ROOT);
    }

    /** {@code US-IL} (ISO 3166-2, as the canonical model writes it) → {@code IL}. */
    static String stateCode(String stateCode) {
        String state = blankToNull(stateCode);
        if (state == null) {
            return null;
        }
        int dash = state.lastIndexOf('-');
        return cut(state.substring(dash + 1).toUpperCase(Locale.ROOT), 5);
    }

    /** UPS allows 9 characters: a US ZIP+4 loses its hyphen ({@code 62701-1234} → {@code 627011234}). */
    static String postalCode(String postalCode) {
        String code = blankToNull(postalCode);
        if (code == null) {
            return null;
        }
        return code.length() > 9 ? code.replaceAll("[\\s-]", "") : code;
    }

    /** Digits only, at most 15: UPS rejects {@code +}, spaces and punctuation. */
    static String phone(String phone) {
        String value = blankToNull(phone);
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("\\D", "");
        return digits.isEmpty() ? null : cut(digits, 15);
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }

    static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.length() <= max ? trimmed : trimmed.substring(0, max).trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Pounds and inches or kilograms and centimetres, chosen by the country the parcel leaves. */
    record UnitSystem(boolean imperial, String weightCode, String weightName, String lengthCode,
            String lengthName) {
        static UnitSystem of(Shipment shipment) {
            return IMPERIAL_COUNTRIES.contains(country(shipment.shipFrom()))
                    ? new UnitSystem(true, "LBS", "Pounds", "IN", "Inches")
                    : new UnitSystem(false, "KGS", "Kilograms", "CM", "Centimeters");
        }
    }
}
