package dev.carrierhub.carriers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

    @ParameterizedTest
    @CsvSource({"2.5, KG, 2.500", "500, G, 0.500", "4, LB, 1.814", "16, OZ, 0.454", "0, KG, 0.000", "1, G, 0.001"})
    void convertsWeightsToKilograms(String value, WeightUnit unit, String kilograms) {
        assertThat(Units.kilograms(new Weight(new BigDecimal(value), unit))).isEqualTo(new BigDecimal(kilograms));
    }

    @ParameterizedTest
    @CsvSource({"30, CM, 30.0", "305, MM, 30.5", "1.2, M, 120.0", "12, IN, 30.5", "6, IN, 15.2"})
    void convertsLengthsToCentimetres(String value, LengthUnit unit, String centimetres) {
        assertThat(Units.centimetres(new BigDecimal(value), unit)).isEqualTo(new BigDecimal(centimetres));
    }
}
