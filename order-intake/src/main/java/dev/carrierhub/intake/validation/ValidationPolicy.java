package dev.carrierhub.intake.validation;

import dev.carrierhub.contracts.shipment.LengthUnit;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import dev.carrierhub.intake.validation.ParcelMeasures.SideLength;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * A tenant's rules: whether a phone is mandatory, the heaviest and longest parcel it ships, whether
 * parcels inside the EU need customs lines, and which carrier services take dangerous goods.
 */
public record ValidationPolicy(
        boolean phoneRequired,
        Weight maxParcelWeight,
        SideLength maxParcelSide,
        boolean euInternalCustomsExempt,
        HazardousGoodsPolicy hazardousGoods) {

    /** Values a tenant gets when it configures nothing: 70 kg and 270 cm are common parcel-carrier limits. */
    public static final ValidationPolicy DEFAULT = new ValidationPolicy(false,
            new Weight(new BigDecimal("70"), WeightUnit.KG), new SideLength(new BigDecimal("270"), LengthUnit.CM),
            true, HazardousGoodsPolicy.allowing(Set.of()));

    public ValidationPolicy {
        Objects.requireNonNull(maxParcelWeight, "maxParcelWeight");
        Objects.requireNonNull(maxParcelSide, "maxParcelSide");
        Objects.requireNonNull(hazardousGoods, "hazardousGoods");
    }

    public ValidationPolicy withPhoneRequired(boolean required) {
        return new ValidationPolicy(required, maxParcelWeight, maxParcelSide, euInternalCustomsExempt, hazardousGoods);
    }

    public ValidationPolicy withMaxParcelWeight(Weight max) {
        return new ValidationPolicy(phoneRequired, max, maxParcelSide, euInternalCustomsExempt, hazardousGoods);
    }

    public ValidationPolicy withMaxParcelSide(SideLength max) {
        return new ValidationPolicy(phoneRequired, maxParcelWeight, max, euInternalCustomsExempt, hazardousGoods);
    }

    public ValidationPolicy withEuInternalCustomsExempt(boolean exempt) {
        return new ValidationPolicy(phoneRequired, maxParcelWeight, maxParcelSide, exempt, hazardousGoods);
    }

    public ValidationPolicy withHazardousGoods(HazardousGoodsPolicy policy) {
        return new ValidationPolicy(phoneRequired, maxParcelWeight, maxParcelSide, euInternalCustomsExempt, policy);
    }
}
