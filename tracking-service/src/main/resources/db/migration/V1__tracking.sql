-- tracking-service: one tracker per labeled shipment, the verified callbacks exactly as received, and the
-- de-duplicated history of tracking events.

create table tracker (
    shipment_id       varchar(64)   primary key,
    tenant            varchar(100)  not null,
    picking_id        bigint        not null,
    picking_name      varchar(200),
    picking_origin    varchar(200),
    carrier           varchar(100)  not null,
    tracking_number   varchar(100)  not null,
    milestone         varchar(40)   not null,
    milestone_at      timestamptz,
    pod_signed_by     varchar(200),
    pod_delivered_at  timestamptz,
    pod_location      varchar(300),
    pod_photo_url     varchar(1000),
    -- Registration of the callback subscription with the carrier: PENDING, REGISTERED, FAILED, UNSUPPORTED.
    registration      varchar(20)   not null,
    registered_at     timestamptz,
    attempts          int           not null default 0,
    next_attempt_at   timestamptz   not null,
    last_failure      text,
    traceparent       varchar(64),
    tracestate        varchar(512),
    labeled_at        timestamptz   not null,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    unique (carrier, tracking_number)
);
create index tracker_registration_due on tracker (next_attempt_at) where registration = 'PENDING';

-- Every callback whose signature was valid, byte for byte as signed, and what became of it.
create table tracking_callback (
    id                uuid          primary key,
    carrier           varchar(100)  not null,
    received_at       timestamptz   not null,
    body              bytea         not null,
    outcome           varchar(20)   not null,
    tracking_number   varchar(100),
    carrier_event_id  varchar(200),
    shipment_id       varchar(64),
    failure           text,
    traceparent       varchar(64),
    tracestate        varchar(512)
);
create index tracking_callback_received on tracking_callback (received_at);

-- The full history: one row per carrier event (duplicates dropped); shipment_id is null for an orphan,
-- an event for a tracking number no tracker knows yet, adopted when that tracker appears.
create table tracking_event (
    id                uuid          primary key,
    carrier           varchar(100)  not null,
    carrier_event_id  varchar(200)  not null,
    tracking_number   varchar(100)  not null,
    shipment_id       varchar(64),
    milestone         varchar(40)   not null,
    carrier_status    varchar(100),
    description       text,
    location          varchar(300),
    occurred_at       timestamptz   not null,
    received_at       timestamptz   not null,
    pod_signed_by     varchar(200),
    pod_delivered_at  timestamptz,
    pod_location      varchar(300),
    pod_photo_url     varchar(1000),
    callback_id       uuid          references tracking_callback (id),
    unique (carrier, carrier_event_id)
);
create index tracking_event_timeline on tracking_event (shipment_id, occurred_at);
create index tracking_event_orphans on tracking_event (carrier, tracking_number) where shipment_id is null;
