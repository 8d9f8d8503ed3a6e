package dev.carrierhub.intake.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.intake.mapping.MappingVersioning.Source;
import dev.carrierhub.intake.mapping.MappingVersioning.Version;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MappingVersioningTest {
    private static final CarrierService GROUND = new CarrierService("ups", "03", ServiceLevel.STANDARD);
    private static final CarrierService EXPRESS = new CarrierService("ups", "01", ServiceLevel.EXPRESS);
    private static final CarrierService ECONOMY = new CarrierService("sandbox", "SBX_ECO", ServiceLevel.ECONOMY);

    @Test
    void theFirstValueIsVersionOne() {
        assertThat(MappingVersioning.nextVersion(List.of(), GROUND, Source.API)).hasValue(1);
    }

    @Test
    void aChangeIsTheNextVersionAndTheSameValueIsNone() {
        List<Version<CarrierService>> history = List.of(new Version<>(1, GROUND, Source.API),
                new Version<>(2, EXPRESS, Source.API));

        assertThat(MappingVersioning.nextVersion(history, GROUND, Source.API)).hasValue(3);
        assertThat(MappingVersioning.nextVersion(history, EXPRESS, Source.API)).isEmpty();
    }

    @Test
    void seedingTheSameConfigurationTwiceCreatesNoVersion() {
        List<Version<CarrierService>> seeded = List.of(new Version<>(1, GROUND, Source.CONFIG));

        assertThat(MappingVersioning.nextVersion(seeded, GROUND, Source.CONFIG)).isEmpty();
    }

    @Test
    void anOperatorsChangeSurvivesARestartWithUnchangedConfiguration() {
        List<Version<CarrierService>> history = List.of(new Version<>(1, GROUND, Source.CONFIG),
                new Version<>(2, EXPRESS, Source.API));

        assertThat(MappingVersioning.nextVersion(history, GROUND, Source.CONFIG)).isEmpty();
        assertThat(MappingVersioning.nextVersion(history, ECONOMY, Source.CONFIG))
                .as("a changed configuration is a deliberate change").hasValue(3);
    }

    @Test
    void theSameBoxWrittenWithAnotherScaleIsNoChange() {
        DefaultParcel box = new DefaultParcel(new BigDecimal("400"), new BigDecimal("300"), new BigDecimal("200"),
                LengthUnit.MM, null);
        DefaultParcel sameBox = new DefaultParcel(new BigDecimal("400.0"), new BigDecimal("300.00"),
                new BigDecimal("200"), null, null);

        assertThat(MappingVersioning.nextVersion(List.of(new Version<>(4, box, Source.API)), sameBox, Source.API))
                .isEmpty();
        assertThat(box.hashCode()).isEqualTo(sameBox.hashCode());
    }
}
