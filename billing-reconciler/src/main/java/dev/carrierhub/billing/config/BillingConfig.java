package dev.carrierhub.billing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** How invoices are read and reconciled: {@code carrierhub.billing.*}. */
@ConfigMapping(prefix = "carrierhub.billing")
public interface BillingConfig {

    /** The tolerance of every tenant and carrier that has none of its own. */
    Tolerance tolerance();

    /** An invoice line matches a shipment labeled at most this long before or after the line's ship date. */
    @WithName("match-window")
    @WithDefault("P45D")
    Duration matchWindow();

    /** Per carrier (the carrier name on labels and invoices): {@code carrierhub.billing.carriers.<carrier>.*}. */
    Map<String, Carrier> carriers();

    /** The layout of {@code carrier}'s CSV invoices. */
    default CsvLayout csvLayout(String carrier) {
        Carrier settings = carriers().get(carrier);
        return settings == null ? csv() : settings.csv().orElse(csv());
    }

    /** Per tenant (the Odoo database): {@code carrierhub.billing.tenants.<tenant>.*}. */
    Map<String, Tenant> tenants();

    /** How CSV invoices are laid out, for carriers with no layout of their own. */
    CsvLayout csv();

    /** The folder invoices are dropped into, one sub-folder per carrier. */
    Drop drop();

    /** How far a billed amount may be from the booked one and still count as right: the larger of the two. */
    interface Tolerance {
        /** In the invoice's currency. */
        @WithDefault("0.50")
        BigDecimal absolute();

        /** Of the booked amount. */
        @WithDefault("2")
        BigDecimal percent();
    }

    /** A tolerance that overrides part of another; what it leaves out comes from the one it overrides. */
    interface PartialTolerance {
        Optional<BigDecimal> absolute();

        Optional<BigDecimal> percent();
    }

    interface Carrier {
        Optional<PartialTolerance> tolerance();

        /** How this carrier's CSV invoices are laid out, when not as {@link BillingConfig#csv()} says. */
        Optional<CsvLayout> csv();
    }

    interface Tenant {
        Optional<PartialTolerance> tolerance();

        /** Tolerances for one carrier's invoices of this tenant: the most specific rule wins. */
        Map<String, PartialTolerance> carriers();
    }

    /**
     * Which CSV column holds what, by header name. Columns a carrier does not have are left unset (optional
     * ones) and a file without a required one is refused, naming it.
     */
    interface CsvLayout {
        @WithName("invoice-number")
        @WithDefault("invoice_number")
        String invoiceNumber();

        @WithName("invoice-date")
        @WithDefault("invoice_date")
        String invoiceDate();

        @WithName("tracking-number")
        @WithDefault("tracking_number")
        String trackingNumber();

        @WithDefault("reference")
        String reference();

        @WithName("ship-date")
        @WithDefault("ship_date")
        String shipDate();

        @WithDefault("service")
        String service();

        @WithName("billed-weight")
        @WithDefault("billed_weight")
        String billedWeight();

        /** Column of the weight's unit (KG, LB, G, OZ); without one, {@link #defaultWeightUnit()}. */
        @WithName("weight-unit")
        @WithDefault("weight_unit")
        String weightUnit();

        @WithName("default-weight-unit")
        @WithDefault("KG")
        String defaultWeightUnit();

        @WithDefault("charge")
        String charge();

        @WithDefault("amount")
        String amount();

        @WithDefault("currency")
        String currency();

        /** The currency of files without a currency column. */
        @WithName("default-currency")
        Optional<String> defaultCurrency();

        /** A {@link java.time.format.DateTimeFormatter} pattern. */
        @WithName("date-format")
        @WithDefault("yyyy-MM-dd")
        String dateFormat();

        @WithDefault(",")
        char delimiter();
    }

    interface Drop {
        /** Unset: no drop folder is watched. */
        Optional<Path> folder();

        @WithName("poll-interval")
        @WithDefault("30s")
        Duration pollInterval();
    }
}
