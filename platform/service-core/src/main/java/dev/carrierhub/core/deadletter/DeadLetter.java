package dev.carrierhub.core.deadletter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A record a consumer could not process, kept as it arrived on the dead-letter topic, and its replays. */
@Entity
@Table(name = "dead_letter")
public class DeadLetter {
    @Id
    public Long id;
    @Column(name = "dlq_topic")
    public String dlqTopic;
    @Column(name = "dlq_partition")
    public int dlqPartition;
    @Column(name = "dlq_offset")
    public long dlqOffset;
    /** The topic the record was first consumed from, and the one a replay sends it back to; null when unknown. */
    @Column(name = "source_topic")
    public String sourceTopic;
    @Column(name = "source_partition")
    public Integer sourcePartition;
    @Column(name = "source_offset")
    public Long sourceOffset;
    @Column(name = "record_key")
    public byte[] key;
    @Column(name = "record_value")
    public byte[] value;
    /** The producer's headers, without SmallRye's dead-letter ones: see {@link StoredHeaders}. */
    public String headers;
    /** The failure's message, from SmallRye's {@code dead-letter-reason}. */
    public String reason;
    /** The message of the failure's cause, from {@code dead-letter-cause}; null when it had none. */
    public String cause;
    @Column(name = "received_at")
    public Instant receivedAt;
    /** The last replay; null while it was never replayed. */
    @Column(name = "replayed_at")
    public Instant replayedAt;
    @Column(name = "replay_count")
    public int replayCount;
}
