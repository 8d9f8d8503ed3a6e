package dev.carrierhub.contracts.shipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class WeightTest {

    @Test
    void convertsEveryUnitToKilogramsExactly() {
        assertThat(new Weight(new BigDecimal("2.5"), WeightUnit.KG).kilograms()).isEqualByComparingTo("2.5");
        assertThat(new Weight(new BigDecimal("1250"), WeightUnit.G).kilograms()).isEqualByComparingTo("1.25");
        assertThat(new Weight(new BigDecimal("11"), WeightUnit.LB).kilograms()).isEqualByComparingTo("4.98951607");
        assertThat(new Weight(new BigDecimal("16"), WeightUnit.OZ).kilograms()).isEqualByComparingTo("0.45359237");
    }
}
