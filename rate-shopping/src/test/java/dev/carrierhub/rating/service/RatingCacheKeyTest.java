package dev.carrierhub.rating.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.Dimensions;
import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import dev.carrierhub.testsupport.TestShipments;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatingCacheKeyTest {
    private final Shipment base = TestShipments.domestic();

    @Test
    void idsReferencesAndContactDetailsDoNotMatter() {
        Shipment other = TestShipments.domestic();
        Address sameCustomerOtherContact = new Address("Zoë Müller", null, "Hauptstrasse 5", null, "Munich", "80331",
                "DE-BY", "DE", "+49 89 1234", "other@example.com", true);
        Shipment otherContact = with(other, other.picking(), sameCustomerOtherContact,
                List.of(new Parcel("another-ref", new Weight(new BigDecimal("2.5"), WeightUnit.KG), null, "box")));

        assertThat(other.shipmentId()).isNotEqualTo(base.shipmentId());
        assertThat(RatingCacheKey.of(other)).isEqualTo(RatingCacheKey.of(base));
        assertThat(RatingCacheKey.of(otherContact)).isEqualTo(RatingCacheKey.of(base));
    }

    @Test
    void caseSpacingUnitsAndParcelOrderAreNormalised() {
        Address shouted = new Address("  ZOË   MÜLLER ", null, "HAUPTSTRASSE  5", null, " munich", "803 31", "de-by", "de",
                null, null, true);
        Shipment inGrams = with(base, base.picking(), shouted,
                List.of(new Parcel("P1", new Weight(new BigDecimal("2500"), WeightUnit.G), null, " BOX ")));

        assertThat(RatingCacheKey.of(inGrams)).isEqualTo(RatingCacheKey.of(base));

        Parcel small = new Parcel("A", new Weight(BigDecimal.ONE, WeightUnit.KG),
                new Dimensions(new BigDecimal("300"), new BigDecimal("200"), new BigDecimal("100"), LengthUnit.MM), null);
        Parcel large = new Parcel("B", new Weight(BigDecimal.TEN, WeightUnit.KG), null, null);
        Parcel smallInCm = new Parcel("C", new Weight(new BigDecimal("1.000"), WeightUnit.KG),
                new Dimensions(new BigDecimal("30"), new BigDecimal("20"), new BigDecimal("10.0"), LengthUnit.CM), null);
        assertThat(RatingCacheKey.of(with(base, base.picking(), base.shipTo(), List.of(small, large))))
                .isEqualTo(RatingCacheKey.of(with(base, base.picking(), base.shipTo(), List.of(large, smallInCm))));
    }

    @Test
    void whatAPriceOrARuleDependsOnChangesTheKey() {
        RatingCacheKey key = RatingCacheKey.of(base);

        assertThat(RatingCacheKey.of(with(base, base.picking(), base.shipTo(),
                List.of(new Parcel("P1", new Weight(new BigDecimal("2.6"), WeightUnit.KG), null, "box")))))
                .as("weight").isNotEqualTo(key);
        Address poBox = new Address("Zoë Müller", null, "Postfach 12", null, "Munich", "80331", "DE-BY", "DE", null,
                null, true);
        assertThat(RatingCacheKey.of(with(base, base.picking(), poBox, base.parcels()))).as("street").isNotEqualTo(key);
        assertThat(RatingCacheKey.of(new Shipment(base.shipmentId(), base.picking(), base.shipFrom(), base.shipTo(),
                base.parcels(), base.declaredValue(), ServiceLevel.EXPRESS, List.of(), false, null)))
                .as("service level").isNotEqualTo(key);
        assertThat(RatingCacheKey.of(RatingServiceTest.hazardous(base))).as("hazardous").isNotEqualTo(key);
        assertThat(RatingCacheKey.of(with(base, new OdooPickingRef("acme", 9, "BER/OUT/9", null), base.shipTo(),
                base.parcels()))).as("the warehouse a preference may name").isNotEqualTo(key);
    }

    @Test
    void theTenantIsPartOfTheKeySoNoRatingIsServedAcrossTenants() {
        Shipment globex = with(base, new OdooPickingRef("globex", base.picking().pickingId(),
                base.picking().pickingName(), null), base.shipTo(), base.parcels());

        assertThat(RatingCacheKey.of(globex).request()).isEqualTo(RatingCacheKey.of(base).request());
        assertThat(RatingCacheKey.of(globex)).isNotEqualTo(RatingCacheKey.of(base));
    }

    @Test
    void separatorsInsideValuesCannotForgeAnotherKey() {
        Address a = new Address("A,B", null, "S", null, "C", "1", null, "DE", null, null, false);
        Address b = new Address("A", "B", "S", null, "C", "1", null, "DE", null, null, false);

        assertThat(RatingCacheKey.of(with(base, base.picking(), a, base.parcels())))
                .isNotEqualTo(RatingCacheKey.of(with(base, base.picking(), b, base.parcels())));
    }

    private static Shipment with(Shipment s, OdooPickingRef picking, Address shipTo, List<Parcel> parcels) {
        return new Shipment(s.shipmentId(), picking, s.shipFrom(), shipTo, parcels, s.declaredValue(),
                s.serviceLevel(), s.customsLines(), s.hazardous(), s.preferredCarrier());
    }
}
