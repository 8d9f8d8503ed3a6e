package dev.carrierhub.carriers.sendcloud;

import java.net.URI;
import java.util.List;

/**
 * The parts of a Sendcloud v3 shipment the connector acts on, read by {@link SendcloudResponseMapper}.
 *
 * @param id                  the shipment id: our carrier shipment id
 * @param externalReferenceId the idempotency key it was announced under, or null
 * @param carrierCode         the carrier Sendcloud announced it with, e.g. {@code postnl}
 * @param labelMimeType       the MIME type of its labels, e.g. {@code application/pdf}
 * @param parcels             its parcels, in the order they were sent
 * @param errors              why its announcement failed (Sendcloud's details), empty when it did not
 * @param errorCode           the code of the first of those errors, e.g. {@code parcel_announcement_error}
 */
public record SendcloudShipment(String id, String externalReferenceId, String carrierCode, String labelMimeType,
        List<Parcel> parcels, List<String> errors, String errorCode) {
    public SendcloudShipment {
        parcels = List.copyOf(parcels);
        errors = List.copyOf(errors);
    }

    /** Whether the carrier refused the announcement. */
    public boolean failed() {
        return !errors.isEmpty();
    }

    /** Whether every parcel is announced with a tracking number. */
    public boolean announced() {
        return !failed() && !parcels.isEmpty() && parcels.stream().allMatch(p -> p.trackingNumber() != null);
    }

    /** The tracking number of the shipment: its first parcel's. */
    public String trackingNumber() {
        return parcels.isEmpty() ? null : parcels.get(0).trackingNumber();
    }

    /**
     * One parcel of a shipment.
     *
     * @param id             Sendcloud's parcel id
     * @param trackingNumber the carrier's tracking number, or null before announcement
     * @param statusCode     e.g. {@code READY_TO_SEND} or {@code ANNOUNCEMENT_FAILED}
     * @param labelLink      the link of its {@code label} document, or null
     * @param labelFile      the label itself, base64, which the synchronous announcement gives for one parcel only
     */
    public record Parcel(Long id, String trackingNumber, String statusCode, URI labelLink, String labelFile) {
    }
}
