package dev.carrierhub.intake.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActivityRoutingTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
            // Only the customer can correct an address or a phone number, whichever stage found it.
            "intake, address.city.missing, CUSTOMER_SERVICE",
            "intake, missing-address, CUSTOMER_SERVICE",
            "intake, phone.invalid, CUSTOMER_SERVICE",
            "booking, address.postal-code.invalid, CUSTOMER_SERVICE",
            // The picking's packing and data: the warehouse.
            "intake, parcel.weight.exceeds-limit, WAREHOUSE",
            "intake, customs.line.hs-code.missing, WAREHOUSE",
            "intake, hazardous.service-not-allowed, WAREHOUSE",
            "intake, mapping.carrier.unmapped, WAREHOUSE",
            // Carriers and rates: the warehouse chooses another carrier or service.
            "booking, invalid-request, WAREHOUSE",
            "booking, carrier-unavailable, WAREHOUSE",
            "rating, no-eligible-carrier, WAREHOUSE",
            // Parcels under way: customer service; no tracking at all: a carrier matter for the warehouse.
            "tracking, exception, CUSTOMER_SERVICE",
            "tracking, returned_to_sender, CUSTOMER_SERVICE",
            "tracking, tracker-registration-failed, WAREHOUSE",
            // A parcel held in customs waits for the shipper's papers: the warehouse; the rest of a
            // tracking exception is for customer service, an undeliverable address too.
            "tracking, exception.customs-hold, WAREHOUSE",
            "tracking, exception.damaged, CUSTOMER_SERVICE",
            "tracking, address.undeliverable, CUSTOMER_SERVICE",
            "booking, void-refused, WAREHOUSE",
            "billing, weight_adjustment, FINANCE",
            "somewhere-new, something-new, WAREHOUSE"
    })
    void routesEachReasonToItsOwner(String stage, String reason, OwnerKind owner) {
        assertThat(ActivityRouting.ownerOf(stage, reason)).isEqualTo(owner);
    }

    @ParameterizedTest
    @CsvSource({"warehouse, WAREHOUSE", "customer-service, CUSTOMER_SERVICE", "finance, FINANCE"})
    void ownerCodesAreTheConfigurationKeys(String code, OwnerKind owner) {
        assertThat(OwnerKind.of(code)).contains(owner);
        assertThat(owner.code()).isEqualTo(code);
    }
}
