-- label-service: when the shipment was requested (from shipment.rated), to measure request → label.
alter table booking add column requested_at timestamptz;
