package dev.carrierhub.contracts.shipment;

import java.util.Objects;

/** A postal address with a contact; country is ISO 3166-1 alpha-2, state the ISO 3166-2 subdivision code. */
public record Address(
        String name,
        String company,
        String street1,
        String street2,
        String city,
        String postalCode,
        String stateCode,
        String countryCode,
        String phone,
        String email,
        boolean residential) {
    public Address {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(street1, "street1");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(countryCode, "countryCode");
    }
}
