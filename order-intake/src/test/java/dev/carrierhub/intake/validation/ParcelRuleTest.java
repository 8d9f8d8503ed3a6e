package dev.carrierhub.intake.validation;

import static dev.carrierhub.intake.validation.Fixtures.codes;
import static dev.carrierhub.intake.validation.Fixtures.parcel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.shipment.Dimensions;
import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import dev.carrierhub.intake.validation.ParcelMeasures.SideLength;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParcelRuleTest {
    private final ParcelRule rule = new ParcelRule();

    @Test
    void aParcelWithinTheDefaultLimitsPasses() {
        assertThat(check(ValidationPolicy.DEFAULT, parcel("70.000"),
                parcel(kg("4.97"), box("400", "300", "200", LengthUnit.MM)))).isEmpty();
    }

    @Test
    void aParcelWithoutWeightFails() {
        List<Violation> violations = check(ValidationPolicy.DEFAULT, parcel("0.000"));

        assertThat(codes(violations)).containsExactly("parcel.weight.not-positive");
        assertThat(violations.get(0).field()).isEqualTo("parcels[0].weight");
    }

    @Test
    void aParcelOverTheTenantLimitFailsWhateverTheUnits() {
        ValidationPolicy poundLimit = ValidationPolicy.DEFAULT
                .withMaxParcelWeight(new Weight(new BigDecimal("150"), WeightUnit.LB));

        assertThat(check(poundLimit, parcel("68.000"))).isEmpty();
        List<Violation> violations = check(poundLimit, parcel("4.97"), parcel("68.100"));

        assertThat(codes(violations)).containsExactly("parcel.weight.exceeds-limit");
        assertThat(violations.get(0).field()).isEqualTo("parcels[1].weight");
        assertThat(violations.get(0).message()).isEqualTo(
                "Parcel 2 (WH/OUT/00011) weighs 68.100 kg, more than the 150 lb allowed.");
    }

    @Test
    void sidesMustBePositive() {
        List<Violation> violations = check(ValidationPolicy.DEFAULT,
                parcel(kg("1"), box("400", "0", "200", LengthUnit.MM)));

        assertThat(codes(violations)).containsExactly("parcel.dimensions.not-positive");
    }

    @Test
    void theLongestSideIsComparedWithTheLimitAcrossUnits() {
        ValidationPolicy limit = ValidationPolicy.DEFAULT
                .withMaxParcelSide(new SideLength(new BigDecimal("30"), LengthUnit.CM));

        assertThat(check(limit, parcel(kg("1"), box("300", "200", "100", LengthUnit.MM)))).isEmpty();
        List<Violation> violations = check(limit, parcel(kg("1"), box("12", "8", "4", LengthUnit.IN)));

        assertThat(codes(violations)).containsExactly("parcel.dimensions.exceeds-limit");
        assertThat(violations.get(0).message()).contains("12 in", "30 cm");
    }

    private List<Violation> check(ValidationPolicy policy, dev.carrierhub.contracts.shipment.Parcel... parcels) {
        List<Violation> violations = new ArrayList<>();
        rule.check(List.of(parcels), policy, violations);
        return violations;
    }

    private static Weight kg(String value) {
        return new Weight(new BigDecimal(value), WeightUnit.KG);
    }

    private static Dimensions box(String l, String w, String h, LengthUnit unit) {
        return new Dimensions(new BigDecimal(l), new BigDecimal(w), new BigDecimal(h), unit);
    }
}
