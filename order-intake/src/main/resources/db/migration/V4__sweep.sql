-- order-intake: the sweep for dropped webhooks. Odoo sends a webhook once, before it commits, and never
-- retries; the sweep asks Odoo for the pickings that changed since its watermark and queues the ones no
-- webhook brought, as events of the same queue (source SWEEP), so each picking still becomes one shipment.

alter table webhook_event add column claimed_state varchar(20);
alter table webhook_event add column source varchar(10) not null default 'WEBHOOK';
create index webhook_event_record on webhook_event (tenant, model, record_id);

-- One row per tenant: how far the sweep has read Odoo's write_date, and a lease so that one replica
-- sweeps a tenant at a time.
create table sweep_watermark (
    tenant        varchar(100) primary key,
    watermark     timestamptz,
    leased_until  timestamptz,
    last_run_at   timestamptz,
    last_found    int          not null default 0,
    last_queued   int          not null default 0
);
