package dev.carrierhub.intake.repository;

import dev.carrierhub.intake.mapping.MappingKind;
import dev.carrierhub.intake.mapping.MappingVersioning.Source;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One version of one mapping entry of a tenant; never updated, the highest version is in force. */
@Entity
@Table(name = "mapping_version")
public class MappingVersion {
    @Id
    public UUID id;
    public String tenant;
    @Enumerated(EnumType.STRING)
    public MappingKind kind;
    @Column(name = "mapping_key")
    public String key;
    public int version;
    @Column(name = "valid_from")
    public Instant validFrom;
    @Column(name = "changed_by")
    public String changedBy;
    @Enumerated(EnumType.STRING)
    public Source source;
    /** The mapped value as JSON: a CarrierService, an Address or a DefaultParcel, depending on kind. */
    public String value;
}
