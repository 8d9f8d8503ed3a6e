package dev.carrierhub.intake.client;

/** An Odoo partner's postal address, with state and country resolved to their codes. */
public record PartnerAddress(
        String name,
        String company,
        String street,
        String street2,
        String city,
        String zip,
        String stateCode,
        String countryCode,
        String phone,
        String email,
        boolean isCompany) {
}
