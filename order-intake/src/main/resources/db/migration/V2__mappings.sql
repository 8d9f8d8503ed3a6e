-- order-intake: per-tenant mapping tables, versioned. A change never updates or deletes a row: it adds
-- the next version of the entry; the highest version is the one in force, older ones are the history.

create table mapping_version (
    id           uuid         primary key,
    tenant       varchar(100) not null,
    -- CARRIER: Odoo delivery.carrier id -> carrier, service code, service level
    -- WAREHOUSE: Odoo stock.warehouse id -> ship-from address
    -- DEFAULT_PARCEL: 'default' -> dimensions and package type of the default box
    kind         varchar(20)  not null check (kind in ('CARRIER', 'WAREHOUSE', 'DEFAULT_PARCEL')),
    mapping_key  varchar(100) not null,
    version      int          not null check (version > 0),
    valid_from   timestamptz  not null,
    changed_by   varchar(200) not null,
    source       varchar(10)  not null check (source in ('CONFIG', 'API')),
    -- The mapped value as JSON (the shape depends on kind; see the service README).
    value        text         not null,
    unique (tenant, kind, mapping_key, version)
);
