package dev.carrierhub.carriers.easypost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EasyPostUnitsTest {

    @ParameterizedTest
    @CsvSource({"1, LB, 16.0", "4, LB, 64.0", "2.5, KG, 88.2", "500, G, 17.6", "15.4, OZ, 15.4", "0.04, OZ, 0.0"})
    void weighsInOunces(String value, WeightUnit unit, String ounces) {
        assertThat(EasyPostUnits.ounces(new Weight(new BigDecimal(value), unit))).isEqualByComparingTo(ounces);
    }

    @ParameterizedTest
    @CsvSource({"12, IN, 12.0", "30, CM, 11.8", "254, MM, 10.0", "1, M, 39.4"})
    void measuresInInches(String value, LengthUnit unit, String inches) {
        assertThat(EasyPostUnits.inches(new BigDecimal(value), unit)).isEqualByComparingTo(inches);
    }

    @ParameterizedTest
    @CsvSource(value = {"1, OVERNIGHT", "2, EXPRESS", "3, STANDARD", "5, STANDARD", "6, ECONOMY", "0, null", "null, null"},
            nullValues = "null")
    void derivesTheLevelFromDeliveryDays(Integer days, ServiceLevel level) {
        assertThat(EasyPostUnits.levelOf(days)).isEqualTo(level);
    }
}
