package dev.carrierhub.rating.service;

import dev.carrierhub.carriers.Units;
import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.CustomsLine;
import dev.carrierhub.contracts.shipment.Dimensions;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.rating.policy.CarrierPreference;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The key of a cached look-up: the tenant, and every fact of the request that a carrier prices or a rule
 * or policy reads, written one canonical way. Two requests that differ only in ids (shipment, picking, parcel
 * references), contact details, letter case, spacing or units get the same key; the tenant is part of the
 * key, so a rating is never served to another tenant (their policies, rules and prices may differ).
 */
public record RatingCacheKey(String tenant, String request) {

    public static RatingCacheKey of(Shipment shipment) {
        String request = String.join("|",
                "from=" + address(shipment.shipFrom()),
                "to=" + address(shipment.shipTo()),
                // The preferred policy matches on the warehouse code, the one part of the picking that matters.
                "warehouse=" + text(CarrierPreference.warehouseCode(shipment).orElse(null)),
                "parcels=" + shipment.parcels().stream().map(RatingCacheKey::parcel).sorted()
                        .collect(Collectors.joining(";")),
                "value=" + money(shipment.declaredValue()),
                "level=" + shipment.serviceLevel(),
                "hazardous=" + shipment.hazardous(),
                "carrier=" + text(shipment.preferredCarrier()),
                "customs=" + shipment.customsLines().stream().map(RatingCacheKey::customs).sorted()
                        .collect(Collectors.joining(";")));
        return new RatingCacheKey(shipment.picking().tenant(), request);
    }

    private static String address(Address a) {
        // Name and company stay in: the preferred policy matches the customer by them.
        return String.join(",", text(a.name()), text(a.company()), text(a.street1()), text(a.street2()),
                text(a.city()), postalCode(a.postalCode()), text(a.stateCode()), text(a.countryCode()),
                String.valueOf(a.residential()));
    }

    private static String parcel(Parcel p) {
        Dimensions d = p.dimensions();
        String size = d == null ? "-" : number(Units.centimetres(d.length(), d.unit())) + "x"
                + number(Units.centimetres(d.width(), d.unit())) + "x"
                + number(Units.centimetres(d.height(), d.unit()));
        return number(Units.kilograms(p.weight())) + "kg," + size + "cm," + text(p.packageType());
    }

    private static String customs(CustomsLine line) {
        return String.join(",", text(line.hsCode()), text(line.originCountry()), number(line.quantity()),
                line.weight() == null ? "-" : number(Units.kilograms(line.weight())), money(line.value()),
                text(line.description()));
    }

    private static String money(Money money) {
        return money == null ? "-" : number(money.amount()) + " " + money.currency();
    }

    private static String number(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }

    private static String postalCode(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    /** Trimmed, inner spaces collapsed, lower case, one Unicode form; the separators escaped. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        String normal = Normalizer.normalize(value, Normalizer.Form.NFC).trim().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
        return normal.replace("\\", "\\\\").replace("|", "\\|").replace(",", "\\,").replace(";", "\\;");
    }
}
