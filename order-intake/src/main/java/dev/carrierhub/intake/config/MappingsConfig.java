package dev.carrierhub.intake.config;

import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.WeightUnit;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The mapping tables as configured, seeded into the versioned tables at start, e.g.
 * {@code carrierhub.mappings.acme.carriers.3.carrier=ups}. Seeding the same configuration again creates
 * no version; the admin API changes mappings at run time.
 */
@ConfigMapping(prefix = "carrierhub.mappings")
public interface MappingsConfig {

    @WithParentName
    Map<String, Tenant> tenants();

    /** One tenant's configured mappings. */
    interface Tenant {
        /** Keyed by Odoo {@code delivery.carrier} id. */
        Map<String, Carrier> carriers();

        /** Keyed by Odoo {@code stock.warehouse} id: the ship-from address that replaces the warehouse's. */
        Map<String, ShipFrom> warehouses();

        @WithName("default-parcel")
        Optional<Parcel> defaultParcel();

        /** The units the tenant's Odoo database stores weights and package dimensions in. */
        @WithName("odoo-units")
        OdooUnits odooUnits();
    }

    /** A carrier and service for an Odoo delivery method. */
    interface Carrier {
        String carrier();

        @WithName("service-code")
        Optional<String> serviceCode();

        @WithName("service-level")
        @WithDefault("STANDARD")
        ServiceLevel serviceLevel();
    }

    /** A ship-from address. */
    interface ShipFrom {
        String name();

        Optional<String> company();

        String street();

        Optional<String> street2();

        String city();

        @WithName("postal-code")
        Optional<String> postalCode();

        @WithName("state-code")
        Optional<String> stateCode();

        @WithName("country-code")
        String countryCode();

        Optional<String> phone();

        Optional<String> email();
    }

    /** The default box: outer dimensions in their unit (Odoo's database length unit is mm). */
    interface Parcel {
        BigDecimal length();

        BigDecimal width();

        BigDecimal height();

        @WithDefault("MM")
        LengthUnit unit();

        @WithName("package-type")
        Optional<String> packageType();
    }

    /** Units of the tenant's Odoo database. */
    interface OdooUnits {
        @WithDefault("KG")
        WeightUnit weight();

        @WithDefault("MM")
        LengthUnit length();
    }
}
