-- Callbacks are answered once stored and applied afterwards: outcome RECEIVED until the processor has
-- applied them, FAILED when that kept failing. The partial index keeps the processor's look-up small.
alter table tracking_callback add column attempts int not null default 0;
create index tracking_callback_pending on tracking_callback (received_at) where outcome = 'RECEIVED';
