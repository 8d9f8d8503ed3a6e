package dev.carrierhub.carriers.ups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.events.Milestone;
import org.junit.jupiter.api.Test;

class UpsStatusTest {

    @Test
    void typesMapAsTheStatusMappingSays() {
        assertThat(UpsStatus.milestone("M", "MP", false, null)).isEqualTo(Milestone.PRE_TRANSIT);
        assertThat(UpsStatus.milestone("MV", null, false, null)).isEqualTo(Milestone.CANCELLED);
        assertThat(UpsStatus.milestone("P", "OR", false, null)).isEqualTo(Milestone.IN_TRANSIT);
        assertThat(UpsStatus.milestone("I", "AR", false, null)).isEqualTo(Milestone.IN_TRANSIT);
        assertThat(UpsStatus.milestone("X", "WE", false, null)).isEqualTo(Milestone.EXCEPTION);
        assertThat(UpsStatus.milestone("RS", null, false, null)).isEqualTo(Milestone.RETURNED_TO_SENDER);
        assertThat(UpsStatus.milestone("O", null, false, null)).isEqualTo(Milestone.OUT_FOR_DELIVERY);
        assertThat(UpsStatus.milestone("NA", null, false, null)).isEqualTo(Milestone.UNKNOWN);
        assertThat(UpsStatus.milestone("ZZ", "ZZ", false, null)).isEqualTo(Milestone.UNKNOWN);
        assertThat(UpsStatus.milestone(null, null, false, null)).isEqualTo(Milestone.UNKNOWN);
    }

    @Test
    void typeDIsDeliveredOnlyForTheProvenDelivery() {
        assertThat(UpsStatus.milestone("D", "KB", true, null)).isEqualTo(Milestone.DELIVERED);
        assertThat(UpsStatus.milestone("D", "DP", false, null)).isEqualTo(Milestone.OUT_FOR_DELIVERY);
        assertThat(UpsStatus.milestone("d", null, false, Milestone.IN_TRANSIT)).isEqualTo(Milestone.OUT_FOR_DELIVERY);
    }

    @Test
    void codeOtIsOutForDeliveryAndFsDeliveredWhateverTheType() {
        assertThat(UpsStatus.milestone("I", "OT", false, null)).isEqualTo(Milestone.OUT_FOR_DELIVERY);
        assertThat(UpsStatus.milestone("D", "OT", true, null)).isEqualTo(Milestone.OUT_FOR_DELIVERY);
        assertThat(UpsStatus.milestone("I", "FS", false, null)).isEqualTo(Milestone.DELIVERED);
    }

    @Test
    void anUpdatedDeliveryDateKeepsTheMilestoneThePackageHad() {
        assertThat(UpsStatus.milestone("U", "UD", false, Milestone.EXCEPTION)).isEqualTo(Milestone.EXCEPTION);
        assertThat(UpsStatus.milestone("U", "UD", false, null)).isEqualTo(Milestone.IN_TRANSIT);
    }
}
