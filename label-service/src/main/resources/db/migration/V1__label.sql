-- label-service: one booking per shipment, its labels, and the audit trail of every booking transition.

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

create table audit_entry (
    id           bigint        generated always as identity primary key,
    actor        varchar(100)  not null,
    occurred_at  timestamptz   not null,
    entity_type  varchar(50)   not null,
    entity_id    varchar(200)  not null,
    from_state   varchar(20),
    to_state     varchar(20)   not null,
    detail       text,
    traceparent  varchar(64)
);
create index audit_entry_entity on audit_entry (entity_type, entity_id, id);

-- The trail is evidence: nothing in it is ever changed or removed, whoever asks.
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % is not allowed', tg_op;
end;
$$;
create trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
