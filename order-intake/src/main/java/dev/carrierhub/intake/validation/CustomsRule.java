package dev.carrierhub.intake.validation;

import static dev.carrierhub.intake.validation.ReasonCodes.CUSTOMS_LINES_MISSING;
import static dev.carrierhub.intake.validation.ReasonCodes.CUSTOMS_LINE_DESCRIPTION_MISSING;
import static dev.carrierhub.intake.validation.ReasonCodes.CUSTOMS_LINE_HS_CODE_MISSING;
import static dev.carrierhub.intake.validation.ReasonCodes.CUSTOMS_LINE_ORIGIN_MISSING;
import static dev.carrierhub.intake.validation.ReasonCodes.CUSTOMS_LINE_QUANTITY_INVALID;
import static dev.carrierhub.intake.validation.ReasonCodes.CUSTOMS_LINE_VALUE_INVALID;

import dev.carrierhub.contracts.shipment.CustomsLine;
import dev.carrierhub.contracts.shipment.Shipment;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A parcel that leaves its country needs customs lines: each with a description, a positive quantity
 * and a value; HS code and country of origin are asked for but only warned about, since carriers differ
 * on them. Within the EU customs union no declaration is needed, so EU-to-EU parcels are exempt unless
 * the tenant turns the exemption off. The rule goes by ISO country: territories outside the customs
 * union that share a member's code (the Canary Islands, Büsingen, ...) are not told apart.
 */
public final class CustomsRule {
    /** The 27 member states of the EU customs union (ISO 3166-1 alpha-2; Greece is GR, not EL). */
    public static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    public void check(Shipment shipment, ValidationPolicy policy, List<Violation> violations) {
        if (!needsCustoms(shipment.shipFrom().countryCode(), shipment.shipTo().countryCode(), policy)) {
            return;
        }
        List<CustomsLine> lines = shipment.customsLines();
        if (lines.isEmpty()) {
            violations.add(Violation.error(CUSTOMS_LINES_MISSING, "customsLines",
                    "The parcel goes from " + shipment.shipFrom().countryCode() + " to " + shipment.shipTo().countryCode()
                            + " and needs customs lines (what is in it, how many, what it is worth)."));
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            checkLine(lines.get(i), "customsLines[" + i + "]", violations);
        }
    }

    /** Whether a parcel from {@code from} to {@code to} needs a customs declaration under this policy. */
    public static boolean needsCustoms(String from, String to, ValidationPolicy policy) {
        if (from == null || to == null || from.isBlank() || to.isBlank()) {
            return false;
        }
        String origin = from.toUpperCase(Locale.ROOT);
        String destination = to.toUpperCase(Locale.ROOT);
        if (origin.equals(destination)) {
            return false;
        }
        return !(policy.euInternalCustomsExempt() && EU.contains(origin) && EU.contains(destination));
    }

    private static void checkLine(CustomsLine line, String field, List<Violation> violations) {
        String name = line.description().isBlank() ? (line.sku() == null ? field : line.sku()) : line.description();
        if (line.description().isBlank()) {
            violations.add(Violation.error(CUSTOMS_LINE_DESCRIPTION_MISSING, field + ".description",
                    "A customs line (" + name + ") has no description."));
        }
        if (line.quantity().signum() <= 0) {
            violations.add(Violation.error(CUSTOMS_LINE_QUANTITY_INVALID, field + ".quantity",
                    "The customs line '" + name + "' has quantity " + line.quantity().toPlainString()
                            + "; it must be more than zero."));
        }
        Optional<String> valueProblem = MoneyRule.problem(line.value());
        valueProblem.ifPresent(problem -> violations.add(Violation.error(CUSTOMS_LINE_VALUE_INVALID, field + ".value",
                "The value of the customs line '" + name + "' " + problem + ".")));
        if (line.hsCode() == null || line.hsCode().isBlank()) {
            violations.add(Violation.warning(CUSTOMS_LINE_HS_CODE_MISSING, field + ".hsCode",
                    "The product '" + name + "' has no HS code; some carriers and customs offices require one."));
        }
        if (line.originCountry() == null || line.originCountry().isBlank()) {
            violations.add(Violation.warning(CUSTOMS_LINE_ORIGIN_MISSING, field + ".originCountry",
                    "The product '" + name + "' has no country of origin."));
        }
    }
}
