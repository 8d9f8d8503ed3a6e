-- rate-shopping: keep why each choice was made and what the policy left out, next to every carrier's answer
-- (ranked_quotes and carrier_answers already hold each quote and each failure or exclusion reason), for audit
-- and billing. Still append-only.

alter table rating_decision
    add column tenant          varchar(100),
    add column reason          text,
    add column rejected_quotes text    not null default '[]',
    add column deadline_ms     integer;

-- Outcomes now include no-eligible-carrier and no-eligible-quote.
alter table rating_decision alter column outcome type varchar(30);

-- One decision per event: the idempotent consumer already makes it so; the index makes it a rule of the data.
create unique index rating_decision_event on rating_decision (event_id);
