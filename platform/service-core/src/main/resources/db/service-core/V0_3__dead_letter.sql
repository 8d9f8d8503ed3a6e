-- Dead letters shared by every service (platform/service-core): each record a consumer sent to its
-- dead-letter topic, kept as it arrived so an operator can read it and replay it to the topic it came from.
create table dead_letter (
    id                bigint        generated always as identity primary key,
    -- Where the record sits in the dead-letter topic: consuming it twice stores it once.
    dlq_topic         varchar(249)  not null,
    dlq_partition     int           not null,
    dlq_offset        bigint        not null,
    -- Where it was first consumed (SmallRye's dead-letter-topic/-partition/-offset headers).
    source_topic      varchar(249),
    source_partition  int,
    source_offset     bigint,
    -- Key, value and headers byte for byte, so a replay sends what the producer sent.
    record_key        bytea,
    record_value      bytea,
    -- The original headers, in order, as [{"name": ..., "value": <base64 or null>}].
    headers           text          not null,
    reason            text,
    cause             text,
    received_at       timestamptz   not null default now(),
    replayed_at       timestamptz,
    replay_count      int           not null default 0,
    unique (dlq_topic, dlq_partition, dlq_offset)
);
create index dead_letter_not_replayed on dead_letter (id) where replayed_at is null;
create index dead_letter_source_topic on dead_letter (source_topic, id);
