package dev.carrierhub.carriers.easypost;

import dev.carrierhub.carriers.CarrierMessage;
import dev.carrierhub.contracts.shipment.Money;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The parts of an EasyPost {@code Shipment} the connector acts on, read by {@link EasyPostResponseMapper}.
 *
 * @param id           the {@code shp_} id
 * @param reference    our reference (the idempotency key of a booking), or null
 * @param trackingCode the tracking code once a rate is bought, else null
 * @param rates        the rates EasyPost offered when the shipment was created
 * @param selectedRate the rate bought, or null
 * @param label        the label to download in the wanted format, or null before buying
 * @param refundStatus {@code submitted}, {@code refunded}, {@code rejected}, {@code not_applicable}, or null
 * @param messages     rating errors of individual carriers, as warnings
 */
public record EasyPostShipment(
        String id,
        String reference,
        String trackingCode,
        List<Rate> rates,
        Rate selectedRate,
        LabelLink label,
        String refundStatus,
        List<CarrierMessage> messages) {
    public EasyPostShipment {
        rates = List.copyOf(rates);
        messages = List.copyOf(messages);
    }

    /** Whether a rate has been bought: there is a tracking code and a label. */
    public boolean purchased() {
        return selectedRate != null && trackingCode != null && label != null;
    }

    /** Whether a refund was asked for already (submitted, or granted). */
    public boolean refundRequested() {
        return "submitted".equals(refundStatus) || "refunded".equals(refundStatus);
    }

    /** The offered rate of a carrier and service, e.g. {@code USPS} and {@code Priority}. */
    public Optional<Rate> rate(String carrier, String service) {
        return rates.stream().filter(r -> r.carrier().equalsIgnoreCase(carrier) && r.service().equals(service)).findFirst();
    }

    /**
     * One EasyPost rate.
     *
     * @param id           the {@code rate_} id, null for stateless rates
     * @param carrier      the carrier EasyPost resells, e.g. {@code USPS}
     * @param service      the carrier's service, e.g. {@code Priority}
     * @param price        {@code rate} + {@code currency}: what EasyPost will charge
     * @param deliveryDays {@code delivery_days} (or {@code est_delivery_days}), or null
     */
    public record Rate(String id, String carrier, String service, Money price, Integer deliveryDays) {
        /** The service code of our quotes: {@code <carrier>:<service>}, e.g. {@code USPS:Priority}. */
        public String serviceCode() {
            return carrier + ":" + service;
        }
    }

    /** Where to download a label and what format the file is in. */
    public record LabelLink(URI url, String format) {
    }
}
