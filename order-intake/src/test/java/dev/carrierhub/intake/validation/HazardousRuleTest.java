package dev.carrierhub.intake.validation;

import static dev.carrierhub.intake.validation.Fixtures.PORTLAND;
import static dev.carrierhub.intake.validation.Fixtures.SAN_FRANCISCO;
import static dev.carrierhub.intake.validation.Fixtures.codes;
import static dev.carrierhub.intake.validation.Fixtures.parcel;
import static dev.carrierhub.intake.validation.Fixtures.shipment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.shipment.Shipment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HazardousRuleTest {
    private static final ValidationPolicy UPS_HAZMAT = ValidationPolicy.DEFAULT
            .withHazardousGoods(HazardousGoodsPolicy.allowing(Set.of("ups/03-HAZMAT")));

    private final HazardousRule rule = new HazardousRule();

    @Test
    void ordinaryGoodsNeedNothing() {
        assertThat(check(shipment(false, null), null, ValidationPolicy.DEFAULT)).isEmpty();
    }

    @Test
    void dangerousGoodsWithoutAMappedServiceStop() {
        List<Violation> violations = check(shipment(true, null), null, UPS_HAZMAT);

        assertThat(codes(violations)).containsExactly("hazardous.service-not-allowed");
        assertThat(violations.get(0).message()).contains("no carrier service is mapped");
    }

    @Test
    void dangerousGoodsGoOnlyWithAServiceThatAllowsThem() {
        assertThat(check(shipment(true, "UPS"), "03-hazmat", UPS_HAZMAT)).isEmpty();
        assertThat(codes(check(shipment(true, "ups"), "03", UPS_HAZMAT))).containsExactly("hazardous.service-not-allowed");
        assertThat(codes(check(shipment(true, "ups"), "03-HAZMAT", ValidationPolicy.DEFAULT)))
                .as("by default no service takes dangerous goods").containsExactly("hazardous.service-not-allowed");
    }

    private List<Violation> check(Shipment shipment, String serviceCode, ValidationPolicy policy) {
        List<Violation> violations = new ArrayList<>();
        rule.check(shipment, serviceCode, policy, violations);
        return violations;
    }

    private static Shipment shipment(boolean hazardous, String carrier) {
        return Fixtures.shipment(SAN_FRANCISCO, PORTLAND, List.of(parcel("1")), null, List.of(), hazardous, carrier);
    }
}
