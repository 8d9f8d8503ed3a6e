package dev.carrierhub.label.repository;

import java.util.UUID;

/** A stored label without its bytes, for listings. */
public record LabelSummary(UUID id, String shipmentId, int position, String parcelReference, String format,
        String sha256, int sizeBytes) {
}
