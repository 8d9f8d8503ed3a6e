package dev.carrierhub.intake.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.contracts.shipment.Dimensions;
import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParcelMeasuresTest {

    @ParameterizedTest(name = "{0} {1} = {3} {2}")
    @CsvSource({
            "400, MM, CM, 40",
            "205, MM, CM, 20.5",
            "1, M, MM, 1000",
            "10, IN, CM, 25.4",
            "25.4, CM, IN, 10"})
    void convertsLengthsExactly(String value, LengthUnit from, LengthUnit to, String expected) {
        assertThat(ParcelMeasures.convert(new BigDecimal(value), from, to)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} = {3} {2}")
    @CsvSource({
            "1250, G, KG, 1.25",
            "4.970000000000001, KG, G, 4970.000000000001",
            "10, LB, KG, 4.5359237",
            "16, OZ, LB, 1",
            "1, KG, G, 1000"})
    void convertsWeightsExactly(String value, WeightUnit from, WeightUnit to, String expected) {
        assertThat(ParcelMeasures.convert(new BigDecimal(value), from, to)).isEqualByComparingTo(expected);
    }

    @Test
    void convertsOdoosMillimetreBoxToCentimetresAtTheRequestedScale() {
        Dimensions box = new Dimensions(new BigDecimal("400.0"), new BigDecimal("300.0"), new BigDecimal("200.0"),
                LengthUnit.MM);

        Dimensions cm = ParcelMeasures.convert(box, LengthUnit.CM, 1);

        assertThat(cm.unit()).isEqualTo(LengthUnit.CM);
        assertThat(cm.length()).isEqualTo(new BigDecimal("40.0"));
        assertThat(cm.width()).isEqualTo(new BigDecimal("30.0"));
        assertThat(cm.height()).isEqualTo(new BigDecimal("20.0"));
    }

    @Test
    void roundsAWeightToTheGram() {
        Weight kg = ParcelMeasures.convert(new Weight(new BigDecimal("1"), WeightUnit.LB), WeightUnit.KG, 3);

        assertThat(kg.value()).isEqualTo(new BigDecimal("0.454"));
        assertThat(kg.unit()).isEqualTo(WeightUnit.KG);
    }

    @Test
    void comparesAcrossUnits() {
        Weight seventyKg = new Weight(new BigDecimal("70"), WeightUnit.KG);

        assertThat(ParcelMeasures.compare(new Weight(new BigDecimal("150"), WeightUnit.LB), seventyKg)).isNegative();
        assertThat(ParcelMeasures.compare(new Weight(new BigDecimal("155"), WeightUnit.LB), seventyKg)).isPositive();
        assertThat(ParcelMeasures.compare(new Weight(new BigDecimal("70000"), WeightUnit.G), seventyKg)).isZero();
        assertThat(ParcelMeasures.compare(new BigDecimal("108"), LengthUnit.IN, new BigDecimal("270"), LengthUnit.CM))
                .isPositive();
    }

    @Test
    void parsesConfiguredLimits() {
        assertThat(ParcelMeasures.parseWeight("70 kg")).isEqualTo(new Weight(new BigDecimal("70"), WeightUnit.KG));
        assertThat(ParcelMeasures.parseWeight("150lb")).isEqualTo(new Weight(new BigDecimal("150"), WeightUnit.LB));
        assertThat(ParcelMeasures.parseLength(" 270.5 CM ").value()).isEqualByComparingTo("270.5");
        assertThatThrownBy(() -> ParcelMeasures.parseWeight("seventy kilos")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParcelMeasures.parseWeight("70 stone")).isInstanceOf(IllegalArgumentException.class);
    }
}
