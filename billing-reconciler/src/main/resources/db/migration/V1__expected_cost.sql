-- billing-reconciler: what each labeled shipment is expected to cost, the baseline carrier invoices are
-- reconciled against. Amounts are exact decimals with their ISO 4217 currency, never floating point.

create table expected_cost (
    shipment_id        varchar(64)    primary key,
    tenant             varchar(100)   not null,
    picking_id         bigint         not null,
    picking_name       varchar(200),
    carrier            varchar(100)   not null,
    service_code       varchar(100),
    carrier_shipment_id varchar(200),
    tracking_number    varchar(100)   not null,
    quoted_amount      numeric(19, 4),
    quoted_currency    char(3),
    booked_amount      numeric(19, 4) not null,
    booked_currency    char(3)        not null,
    labeled_at         timestamptz    not null,
    recorded_at        timestamptz    not null,
    -- A quoted price has both its amount and its currency, or neither (label-service may book without a quote).
    check ((quoted_amount is null) = (quoted_currency is null))
);
create index expected_cost_tracking on expected_cost (carrier, tracking_number);
