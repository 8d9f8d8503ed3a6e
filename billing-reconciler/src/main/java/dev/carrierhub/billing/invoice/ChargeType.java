package dev.carrierhub.billing.invoice;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a charge on a carrier invoice is for, whatever the carrier calls it. The freight itself is
 * {@link #BASE}; everything else is a surcharge or an adjustment that may explain a variance.
 */
public enum ChargeType {
    BASE,
    FUEL,
    RESIDENTIAL,
    ADDRESS_CORRECTION,
    DELIVERY_AREA,
    ADDITIONAL_HANDLING,
    WEIGHT_CORRECTION,
    DIMENSIONAL_WEIGHT,
    OTHER;

    /**
     * Codes carriers use on invoices: X12 210 special charge codes (L1-08) and the words CSV exports use. Codes
     * not listed are {@link #OTHER}, so an invoice with a new surcharge is still reconciled, and the code is kept.
     */
    private static final Map<String, ChargeType> CODES = Map.ofEntries(
            Map.entry("400", BASE), Map.entry("FRT", BASE), Map.entry("BASE", BASE), Map.entry("FREIGHT", BASE),
            Map.entry("TRANSPORTATION", BASE), Map.entry("LINEHAUL", BASE),
            Map.entry("FUE", FUEL), Map.entry("FSC", FUEL), Map.entry("FUEL", FUEL),
            Map.entry("FUEL SURCHARGE", FUEL),
            Map.entry("RES", RESIDENTIAL), Map.entry("RESIDENTIAL", RESIDENTIAL),
            Map.entry("RESIDENTIAL SURCHARGE", RESIDENTIAL),
            Map.entry("ADC", ADDRESS_CORRECTION), Map.entry("ADDRESS CORRECTION", ADDRESS_CORRECTION),
            Map.entry("ADDRESS_CORRECTION", ADDRESS_CORRECTION),
            Map.entry("DAS", DELIVERY_AREA), Map.entry("DELIVERY AREA", DELIVERY_AREA),
            Map.entry("DELIVERY AREA SURCHARGE", DELIVERY_AREA),
            Map.entry("AHS", ADDITIONAL_HANDLING), Map.entry("ADDITIONAL HANDLING", ADDITIONAL_HANDLING),
            Map.entry("WCA", WEIGHT_CORRECTION), Map.entry("WEIGHT CORRECTION", WEIGHT_CORRECTION),
            Map.entry("WEIGHT_CORRECTION", WEIGHT_CORRECTION), Map.entry("REWEIGH", WEIGHT_CORRECTION),
            Map.entry("DIM", DIMENSIONAL_WEIGHT), Map.entry("DIMENSIONAL WEIGHT", DIMENSIONAL_WEIGHT),
            Map.entry("DIMENSIONAL_WEIGHT", DIMENSIONAL_WEIGHT));

    /** The type a carrier's code stands for; blank means the freight itself. */
    public static ChargeType ofCode(String code) {
        if (code == null || code.isBlank()) {
            return BASE;
        }
        String normalised = code.trim().toUpperCase(Locale.ROOT);
        return Optional.ofNullable(CODES.get(normalised))
                .or(() -> Optional.ofNullable(CODES.get(normalised.replace('-', ' '))))
                .orElse(OTHER);
    }

    /** A surcharge: anything but the freight itself. */
    public boolean surcharge() {
        return this != BASE;
    }
}
