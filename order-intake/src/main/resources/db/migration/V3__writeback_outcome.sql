-- order-intake: the write-back executor. Each planned Odoo call gets its outcome (SENT or FAILED), its
-- attempts and last error, what Odoo answered, and the bookkeeping that keeps it ordered and exactly-once.

-- One sequence orders a picking's writes: the oldest unsent one is the only one that may be sent.
create sequence odoo_writeback_seq;
alter table odoo_writeback add column seq bigint;
-- Rows planned before this migration: in planning order, the picking write before its attachment and note.
update odoo_writeback w set seq = ordered.n
  from (select id, row_number() over (order by planned_at,
               case kind when 'tracking-reference' then 1 when 'label-attachment' then 2 when 'label-note' then 3
                         else 4 end, idempotency_key) as n
          from odoo_writeback) ordered
 where w.id = ordered.id;
select setval('odoo_writeback_seq', coalesce((select max(seq) from odoo_writeback), 0) + 1, false);
alter table odoo_writeback alter column seq set default nextval('odoo_writeback_seq');
alter table odoo_writeback alter column seq set not null;
alter sequence odoo_writeback_seq owned by odoo_writeback.seq;
alter table odoo_writeback add constraint odoo_writeback_seq_unique unique (seq);

alter table odoo_writeback
    add column attempts          int          not null default 0,
    -- When the write may be tried next; while a worker holds it, the end of that worker's lease.
    add column next_attempt_at   timestamptz,
    -- Start of the give-up clock (carrierhub.writeback.give-up-after); reset by a replay.
    add column first_attempt_at  timestamptz,
    add column last_attempt_at   timestamptz,
    -- True while Odoo may have applied the write without us knowing: set when a worker claims the write,
    -- cleared when the outcome is known. A write claimed with it set is checked in Odoo before it is repeated.
    add column outcome_unknown   boolean      not null default false,
    add column last_error        text,
    -- PERMANENT (Odoo refused it) or GAVE_UP (transient failures for longer than give-up-after).
    add column failure           varchar(20),
    -- The id Odoo answered: the attachment, the chatter message or the activity.
    add column odoo_result_id    bigint,
    add column sent_at           timestamptz,
    add column failed_at         timestamptz,
    -- When the FAILED write was published to odoo.writeback.dlq (null: not yet).
    add column dead_lettered_at  timestamptz,
    add column replays           int          not null default 0,
    add column traceparent       varchar(64),
    add column tracestate        varchar(512);
update odoo_writeback set next_attempt_at = planned_at;
alter table odoo_writeback alter column next_attempt_at set not null;
alter table odoo_writeback add constraint odoo_writeback_status_check check (status in ('PLANNED', 'SENT', 'FAILED'));

create index odoo_writeback_due on odoo_writeback (next_attempt_at) where status = 'PLANNED';
create index odoo_writeback_open on odoo_writeback (tenant, picking_id, seq) where status <> 'SENT';
create index odoo_writeback_dead_letters on odoo_writeback (failed_at) where status = 'FAILED' and dead_lettered_at is null;
