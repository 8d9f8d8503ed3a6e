-- Audit trail shared by every service (platform/service-core): who or what changed which entity, when,
-- from which state to which, in which trace. Append-only: enforced by the database, not by convention.
create table audit_entry (
    id              bigint        generated always as identity primary key,
    actor           varchar(100)  not null,
    occurred_at     timestamptz   not null,
    entity_type     varchar(50)   not null,
    entity_id       varchar(200)  not null,
    from_state      varchar(40),
    to_state        varchar(40)   not null,
    detail          text,
    correlation_id  varchar(200),
    traceparent     varchar(64)
);
create index audit_entry_entity on audit_entry (entity_type, entity_id, id);
create index audit_entry_correlation on audit_entry (correlation_id, id);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % is not allowed', tg_op;
end;
$$;
create trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
