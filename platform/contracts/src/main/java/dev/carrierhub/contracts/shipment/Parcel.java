package dev.carrierhub.contracts.shipment;

import java.util.Objects;

/** One physical package of a shipment; dimensions and package type are optional. */
public record Parcel(String reference, Weight weight, Dimensions dimensions, String packageType) {
    public Parcel {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(weight, "weight");
    }
}
