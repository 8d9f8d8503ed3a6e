package dev.carrierhub.carriers.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox's price list: a base price plus a price per kilogram of total weight, a flat surcharge
 * across borders, and no express service for hazardous goods (air carriers refuse most of them).
 * Deterministic, so tests and benchmarks can state the exact price they expect.
 */
enum SandboxTariff {
    ECONOMY("SBX_ECONOMY", "4.90", "0.80", 5),
    STANDARD("SBX_STANDARD", "6.90", "1.20", 3),
    EXPRESS("SBX_EXPRESS", "14.90", "2.50", 1);

    static final BigDecimal CROSS_BORDER_SURCHARGE = new BigDecimal("10.00");

    private final String serviceCode;
    private final BigDecimal base;
    private final BigDecimal perKilogram;
    private final int transitDays;

    SandboxTariff(String serviceCode, String base, String perKilogram, int transitDays) {
        this.serviceCode = serviceCode;
        this.base = new BigDecimal(base);
        this.perKilogram = new BigDecimal(perKilogram);
        this.transitDays = transitDays;
    }

    String serviceCode() {
        return serviceCode;
    }

    int transitDays() {
        return transitDays;
    }

    static Optional<SandboxTariff> ofServiceCode(String serviceCode) {
        return Arrays.stream(values()).filter(t -> t.serviceCode.equals(serviceCode)).findFirst();
    }

    /** The services this shipment may be sent with. */
    static List<SandboxTariff> offeredFor(ParsedShipment shipment) {
        List<SandboxTariff> offered = new ArrayList<>(List.of(values()));
        if (shipment.hazardous()) {
            offered.remove(EXPRESS);
        }
        return offered;
    }

    BigDecimal price(ParsedShipment shipment) {
        BigDecimal price = base.add(perKilogram.multiply(shipment.totalKilograms()));
        if (shipment.crossesBorder()) {
            price = price.add(CROSS_BORDER_SURCHARGE);
        }
        return price.setScale(2, RoundingMode.HALF_UP);
    }

    /** The warnings the sandbox gives with any quote or booking for this shipment. */
    static List<Notice> noticesFor(ParsedShipment shipment) {
        List<Notice> notices = new ArrayList<>();
        if (shipment.crossesBorder() && !shipment.hasCustomsLines()) {
            notices.add(new Notice("customs_declaration_missing",
                    "the shipment crosses a border but carries no customs lines", "warning"));
        }
        if (shipment.hazardous()) {
            notices.add(new Notice("hazardous_ground_only",
                    "hazardous goods travel by ground only; express is not offered", "info"));
        }
        return notices;
    }
}
