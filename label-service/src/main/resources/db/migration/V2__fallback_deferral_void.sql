-- label-service: fallback to the rated alternatives, deferral while a carrier is down, voids and
-- cancellations.

-- The quotes ranked after the chosen one that the booking may still fall back to, as contract JSON.
alter table booking add column alternatives text not null default '[]';
-- Calls made to the booking's current carrier (attempts counts the calls of the current round only).
alter table booking add column carrier_calls int not null default 0;
-- True while a call to the current carrier may have booked without anyone seeing the answer: the
-- booking then must not move to another carrier before this one has been asked.
alter table booking add column outcome_unknown boolean not null default false;
alter table booking add column deferrals int not null default 0;
-- When the current outage began for this booking; a booking deferred for too long fails.
alter table booking add column deferred_since timestamptz;
alter table booking add column booked_at timestamptz;
-- The state a void started from, to go back to when the carrier refuses the void.
alter table booking add column void_from varchar(20);
alter table booking add column void_reason text;
update booking set carrier_calls = attempts, booked_at = updated_at where state = 'BOOKED';
update booking set carrier_calls = attempts where state <> 'BOOKED';

drop index booking_due;
create index booking_due on booking (next_attempt_at) where state in ('REQUESTED', 'DEFERRED', 'VOIDING');
create index booking_by_state on booking (state, updated_at);

-- A cancellation that arrived before its shipment was rated: the booking is created cancelled.
create table cancellation (
    shipment_id      varchar(64)   primary key,
    reason           text,
    requested_at     timestamptz   not null,
    source_event_id  varchar(200)  not null
);
