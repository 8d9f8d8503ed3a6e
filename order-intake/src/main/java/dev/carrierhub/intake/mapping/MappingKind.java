package dev.carrierhub.intake.mapping;

import java.util.Locale;

/** The three per-tenant mapping tables, each keyed by an Odoo id (or {@code default} for the parcel). */
public enum MappingKind {
    /** Key: Odoo {@code delivery.carrier} id; value: {@link CarrierService}. */
    CARRIER("carriers"),
    /** Key: Odoo {@code stock.warehouse} id; value: the ship-from {@code Address} that replaces Odoo's. */
    WAREHOUSE("warehouses"),
    /** Key: always {@value #DEFAULT_KEY}; value: {@link DefaultParcel}. */
    DEFAULT_PARCEL("default-parcel");

    public static final String DEFAULT_KEY = "default";
    private final String path;

    MappingKind(String path) {
        this.path = path;
    }

    /** The name in URLs and configuration keys: {@code carriers}, {@code warehouses}, {@code default-parcel}. */
    public String path() {
        return path;
    }

    public static MappingKind fromPath(String path) {
        for (MappingKind kind : values()) {
            if (kind.path.equals(path) || kind.name().equalsIgnoreCase(path)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no mapping kind " + path);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
