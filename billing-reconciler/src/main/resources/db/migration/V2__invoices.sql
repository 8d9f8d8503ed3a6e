-- billing-reconciler: carrier invoices as imported, what the other services told us about each shipment, and
-- the reconciliation of every invoice line. Amounts are exact decimals with their ISO 4217 currency.

-- A carrier's invoice; (carrier, invoice_number) is unique, so importing the same invoice again changes nothing.
create table invoice (
    id             uuid          primary key,
    -- Import order: "billed before" (duplicate billing) means an invoice imported earlier.
    seq            bigserial     not null unique,
    carrier        varchar(100)  not null,
    invoice_number varchar(100)  not null,
    invoice_date   date,
    source_format  varchar(20)   not null,
    source_name    varchar(300),
    -- The file (or upload) that brought it: one import is reconciled as one run.
    import_id      uuid          not null,
    imported_at    timestamptz   not null,
    charge_count   integer       not null default 0,
    reconciled_at  timestamptz,
    unique (carrier, invoice_number)
);

-- One charge of an invoice as the carrier wrote it. Charges of one line (the same tracking number, or the
-- same reference when there is none) are reconciled together.
create table invoice_charge (
    invoice_id       uuid           not null references invoice (id),
    source_line      integer        not null,
    line_key         varchar(200)   not null,
    tracking_number  varchar(100),
    reference        varchar(200),
    ship_date        date,
    service_code     varchar(100),
    billed_weight_kg numeric(12, 4),
    charge_type      varchar(40)    not null,
    charge_code      varchar(40),
    amount           numeric(19, 4) not null,
    currency         char(3)        not null,
    primary key (invoice_id, source_line)
);
create index invoice_charge_line on invoice_charge (line_key, invoice_id);

-- Labels that were voided (shipment.voided): a charge for one of them is billed after void.
create table voided_shipment (
    shipment_id varchar(64)  primary key,
    voided_at   timestamptz  not null
);

-- What was declared to the carrier (shipment.rated): billed weights are compared against it.
create table shipment_declaration (
    shipment_id        varchar(64)    primary key,
    declared_weight_kg numeric(12, 4) not null,
    parcel_count       integer        not null,
    rated_at           timestamptz    not null
);

-- Invoices name shipments by tracking number, else by a reference: the picking, its source document (the
-- sale order) or the shipment id.
alter table expected_cost add column picking_origin varchar(200);
create index expected_cost_picking_name on expected_cost (carrier, picking_name);
create index expected_cost_picking_origin on expected_cost (carrier, picking_origin);
create index invoice_import on invoice (import_id);

-- The reconciliation of one invoice line: recomputed by every run, so the report always shows the latest.
create table reconciliation_line (
    invoice_id        uuid           not null references invoice (id),
    line_key          varchar(200)   not null,
    first_line        integer        not null,
    tracking_number   varchar(100),
    reference         varchar(200),
    shipment_id       varchar(64),
    kind              varchar(40)    not null,
    surcharges        varchar(300),
    currency          char(3)        not null,
    billed_amount     numeric(19, 4) not null,
    booked_amount     numeric(19, 4),
    booked_currency   char(3),
    quoted_amount     numeric(19, 4),
    quoted_currency   char(3),
    variance          numeric(19, 4),
    detail            varchar(1000)  not null,
    primary key (invoice_id, line_key)
);
