package dev.carrierhub.intake.validation;

import static dev.carrierhub.intake.validation.ReasonCodes.HAZARDOUS_SERVICE_NOT_ALLOWED;

import dev.carrierhub.contracts.shipment.Shipment;
import java.util.List;

/**
 * A shipment of dangerous goods needs a carrier service that accepts them. Without a mapped carrier
 * service nobody has said it does, so the shipment stops: dangerous goods never go out by default.
 */
public final class HazardousRule {

    public void check(Shipment shipment, String serviceCode, ValidationPolicy policy, List<Violation> violations) {
        if (!shipment.hazardous()) {
            return;
        }
        String carrier = shipment.preferredCarrier();
        if (policy.hazardousGoods().allows(carrier, serviceCode)) {
            return;
        }
        String service = carrier == null ? "no carrier service is mapped for it"
                : "the carrier service " + carrier + "/" + (serviceCode == null ? "(none)" : serviceCode)
                        + " does not accept dangerous goods";
        violations.add(Violation.error(HAZARDOUS_SERVICE_NOT_ALLOWED, "hazardous",
                "The shipment contains dangerous goods, but " + service + "."));
    }
}
