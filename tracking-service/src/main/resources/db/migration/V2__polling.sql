-- Polling for carriers (or accounts) that do not push: when the next look-up is due (null: not polled, or
-- polling stopped), how many look-ups in a row failed, and when the carrier last answered one.
alter table tracker
    add column next_poll_at   timestamptz,
    add column poll_failures  int not null default 0,
    add column last_polled_at timestamptz;
create index tracker_poll_due on tracker (next_poll_at) where registration = 'POLLED' and next_poll_at is not null;
