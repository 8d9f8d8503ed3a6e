-- Delivery guarantees shared by every service (platform/service-core).

-- Transactional outbox: written in the same transaction as the business rows, published by the relay.
create table outbox_event (
    seq          bigserial    primary key,
    id           uuid         not null unique,
    topic        varchar(200) not null,
    ce_type      varchar(200) not null,
    ce_source    varchar(200) not null,
    subject      varchar(200) not null,
    occurred_at  timestamptz  not null,
    payload      text         not null,
    traceparent  varchar(64),
    tracestate   varchar(512),
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

-- Idempotent consumer: one row per event a consumer has applied, inserted in the effect's transaction.
create table inbox_processed_event (
    consumer     varchar(200) not null,
    event_id     varchar(200) not null,
    topic        varchar(200) not null,
    subject      varchar(200),
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
