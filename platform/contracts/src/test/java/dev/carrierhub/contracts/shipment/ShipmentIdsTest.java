package dev.carrierhub.contracts.shipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShipmentIdsTest {
    /** UUID v3 of "carrierhub:acme-prod:stock.picking:4711". */
    private static final String PINNED = "4d443834-7c10-3dc1-8a89-bfcef3a91c4c";

    @Test
    void samePickingAlwaysGivesTheSameId() {
        assertThat(ShipmentIds.forPicking("acme-prod", 4711)).isEqualTo(ShipmentIds.forPicking("acme-prod", 4711));
    }

    @Test
    void differentTenantGivesADifferentId() {
        assertThat(ShipmentIds.forPicking("acme-prod", 4711)).isNotEqualTo(ShipmentIds.forPicking("acme-test", 4711));
    }

    @Test
    void differentPickingGivesADifferentId() {
        assertThat(ShipmentIds.forPicking("acme-prod", 4711)).isNotEqualTo(ShipmentIds.forPicking("acme-prod", 4712));
    }

    @Test
    void tenantAndPickingDoNotBleedIntoEachOther() {
        assertThat(ShipmentIds.forPicking("acme1", 23)).isNotEqualTo(ShipmentIds.forPicking("acme", 123));
    }

    @Test
    void idIsANameBasedUuid() {
        UUID id = UUID.fromString(ShipmentIds.forPicking("acme-prod", 4711));

        assertThat(id.version()).isEqualTo(3);
        assertThat(id.toString()).isEqualTo(ShipmentIds.forPicking("acme-prod", 4711));
    }

    @Test
    void derivationNeverChanges() {
        // Ids are stored by every service and are the Kafka keys: a new derivation would split one picking
        // into two shipments. This pins the value the current derivation gives.
        assertThat(ShipmentIds.forPicking("acme-prod", 4711)).isEqualTo(PINNED);
    }
}
