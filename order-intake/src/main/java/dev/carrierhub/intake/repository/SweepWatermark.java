package dev.carrierhub.intake.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How far the sweep has read one tenant's Odoo, and which replica may sweep it now. */
@Entity
@Table(name = "sweep_watermark")
public class SweepWatermark {
    @Id
    public String tenant;
    /** The newest {@code write_date} the sweep has seen; null before the first sweep. */
    public Instant watermark;
    @Column(name = "leased_until")
    public Instant leasedUntil;
    @Column(name = "last_run_at")
    public Instant lastRunAt;
    @Column(name = "last_found")
    public int lastFound;
    @Column(name = "last_queued")
    public int lastQueued;
}
