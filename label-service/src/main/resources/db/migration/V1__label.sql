-- label-service: one booking per shipment, and its labels.

create table booking (
    shipment_id          varchar(64)   primary key,
    state                varchar(20)   not null,
    carrier              varchar(100)  not null,
    service_code         varchar(100)  not null,
    shipment             text          not null,
    chosen_quote         text          not null,
    rated_at             timestamptz   not null,
    idempotency_key      varchar(300)  not null unique,
    attempts             int           not null default 0,
    next_attempt_at      timestamptz   not null,
    last_error           text,
    tracking_number      varchar(100),
    carrier_shipment_id  varchar(200),
    price_amount         numeric,
    price_currency       char(3),
    source_event_id      varchar(200)  not null,
    traceparent          varchar(64),
    tracestate           varchar(512),
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null
);
create index booking_due on booking (next_attempt_at) where state = 'REQUESTED';

create table label (
    id                uuid          primary key,
    shipment_id       varchar(64)   not null references booking (shipment_id),
    position          int           not null,
    parcel_reference  varchar(200),
    format            varchar(10)   not null,
    content           bytea         not null,
    sha256            char(64)      not null,
    size_bytes        int           not null,
    created_at        timestamptz   not null,
    unique (shipment_id, position)
);

-- The audit trail of booking transitions is the shared audit_entry table (platform/service-core).
