-- label-service: return labels (RMA). A return is a booking of its own, from the customer back to the
-- warehouse, linked to the shipment it returns; one per RMA reference.
alter table booking add column return_of varchar(64) references booking (shipment_id);
alter table booking add column rma_reference varchar(100);
create unique index booking_one_return_per_rma on booking (return_of, rma_reference) where return_of is not null;
