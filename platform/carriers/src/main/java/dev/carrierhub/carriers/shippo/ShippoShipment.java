package dev.carrierhub.carriers.shippo;

import dev.carrierhub.carriers.CarrierMessage;
import dev.carrierhub.contracts.shipment.Money;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a Shippo {@code Shipment} the connector acts on, read by {@link ShippoResponseMapper}.
 *
 * @param objectId the shipment's object id
 * @param status   {@code SUCCESS} once rating has concluded
 * @param rates    the rates Shippo offered
 * @param messages the carriers' rating messages, as warnings
 */
public record ShippoShipment(String objectId, String status, List<Rate> rates, List<CarrierMessage> messages) {
    public ShippoShipment {
        rates = List.copyOf(rates);
        messages = List.copyOf(messages);
    }

    /** The first rate of a service level token, e.g. {@code usps_priority}. */
    public Optional<Rate> rate(String servicelevelToken) {
        return rates.stream().filter(r -> r.servicelevelToken().equals(servicelevelToken)).findFirst();
    }

    /**
     * One Shippo rate.
     *
     * @param objectId          the rate's object id, which a transaction buys
     * @param provider          the carrier, e.g. {@code USPS}
     * @param servicelevelToken the service, e.g. {@code usps_priority}: the service code of our quotes
     * @param servicelevelName  its name, e.g. {@code Priority Mail}
     * @param price             {@code amount} + {@code currency}
     * @param estimatedDays     {@code estimated_days}, or null
     * @param carrierAccount    the carrier account object id that rated it
     */
    public record Rate(String objectId, String provider, String servicelevelToken, String servicelevelName, Money price,
            Integer estimatedDays, String carrierAccount) {
    }
}
