package dev.carrierhub.rating.policy;

import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Address;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.OdooPickingRef;
import dev.carrierhub.contracts.shipment.Parcel;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.contracts.shipment.Weight;
import dev.carrierhub.contracts.shipment.WeightUnit;
import dev.carrierhub.testsupport.TestShipments;
import java.math.BigDecimal;
import java.util.List;

/** Quotes and shipments for the policy tests. */
public final class Quotes {
    private Quotes() {
    }

    public static Quote quote(String carrier, String service, String price, Integer days) {
        return quote(carrier, service, ServiceLevel.STANDARD, price, days);
    }

    public static Quote quote(String carrier, String service, ServiceLevel level, String price, Integer days) {
        return new Quote(null, carrier, service, level, Money.of(price, "EUR"), days);
    }

    /** A shipment of {@code tenant} from warehouse {@code warehouse} to {@code shipTo}, at {@code level}. */
    public static Shipment shipment(String tenant, String warehouse, Address shipTo, ServiceLevel level,
            String preferredCarrier) {
        return new Shipment("s-" + tenant, new OdooPickingRef(tenant, 7, warehouse + "/OUT/00007", "S7"),
                TestShipments.WAREHOUSE, shipTo,
                List.of(new Parcel("P1", new Weight(new BigDecimal("2.5"), WeightUnit.KG), null, null)),
                Money.of("120.00", "EUR"), level, List.of(), false, preferredCarrier);
    }

    public static Shipment shipment(ServiceLevel level) {
        return shipment("acme", "WH", TestShipments.CUSTOMER, level, null);
    }
}
