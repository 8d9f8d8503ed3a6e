package dev.carrierhub.label.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A label as the carrier returned it, byte for byte, with its checksum; label-service is its system of record. */
@Entity
@Table(name = "label")
public class StoredLabel {
    @Id
    public UUID id;
    @Column(name = "shipment_id")
    public String shipmentId;
    /** The label's place in the carrier's answer (one per parcel); the first is position 0. */
    public int position;
    @Column(name = "parcel_reference")
    public String parcelReference;
    public String format;
    public byte[] content;
    public String sha256;
    @Column(name = "size_bytes")
    public int sizeBytes;
    @Column(name = "created_at")
    public Instant createdAt;
}
