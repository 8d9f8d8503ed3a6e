package dev.carrierhub.label.service;

import dev.carrierhub.carriers.Label;
import dev.carrierhub.label.repository.StoredLabel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Checks the labels of a booking and turns them into rows with their checksum. Pure: no I/O. */
public final class LabelFiling {
    private final long maxBytes;

    public LabelFiling(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** One row per label, in the carrier's order; refuses the lot when any label is missing, empty or too large. */
    public List<StoredLabel> file(String shipmentId, List<Label> labels, Instant now) {
        if (labels.isEmpty()) {
            throw new LabelRejectedException("the carrier booked shipment " + shipmentId + " but returned no label");
        }
        List<StoredLabel> rows = new ArrayList<>();
        for (int position = 0; position < labels.size(); position++) {
            Label label = labels.get(position);
            byte[] content = label.content();
            String which = "label " + (position + 1) + " (parcel " + label.parcelReference() + ")";
            if (content.length == 0) {
                throw new LabelRejectedException(which + " is empty");
            }
            if (content.length > maxBytes) {
                throw new LabelRejectedException(which + " is " + content.length + " bytes, over the limit of "
                        + maxBytes + " bytes");
            }
            StoredLabel row = new StoredLabel();
            row.id = UUID.randomUUID();
            row.shipmentId = shipmentId;
            row.position = position;
            row.parcelReference = label.parcelReference();
            row.format = label.format().toUpperCase(Locale.ROOT);
            row.content = content;
            row.sha256 = sha256(content);
            row.sizeBytes = content.length;
            row.createdAt = now;
            rows.add(row);
        }
        return rows;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
