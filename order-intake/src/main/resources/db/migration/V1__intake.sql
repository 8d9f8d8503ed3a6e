-- order-intake: raw Odoo webhooks, the shipments they became, and the write-backs planned for Odoo.

create table webhook_event (
    id               uuid         primary key,
    tenant           varchar(100) not null,
    model            varchar(100) not null,
    record_id        bigint       not null,
    action           varchar(300),
    body             text         not null,
    received_at      timestamptz  not null,
    status           varchar(20)  not null,
    attempts         int          not null default 0,
    next_attempt_at  timestamptz  not null,
    shipment_id      varchar(64),
    failure          text,
    traceparent      varchar(64),
    tracestate       varchar(512)
);
create index webhook_event_pending on webhook_event (next_attempt_at) where status = 'RECEIVED';

create table intake_shipment (
    id               varchar(64)  primary key,
    tenant           varchar(100) not null,
    picking_id       bigint       not null,
    picking_name     varchar(200),
    status           varchar(20)  not null,
    carrier          varchar(100),
    tracking_number  varchar(100),
    milestone        varchar(40),
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    unique (tenant, picking_id)
);

create table odoo_writeback (
    id               uuid         primary key,
    idempotency_key  varchar(300) not null unique,
    shipment_id      varchar(64)  not null,
    tenant           varchar(100) not null,
    picking_id       bigint       not null,
    kind             varchar(40)  not null,
    model            varchar(100) not null,
    method           varchar(100) not null,
    payload          text         not null,
    status           varchar(20)  not null,
    planned_at       timestamptz  not null
);
create index odoo_writeback_shipment on odoo_writeback (shipment_id, planned_at);
