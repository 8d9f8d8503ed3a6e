-- rate-shopping: every routing decision, as it was made. Append-only: a decision is never changed.

create table rating_decision (
    id                 uuid          primary key,
    shipment_id        varchar(64)   not null,
    event_id           varchar(200)  not null,
    outcome            varchar(20)   not null,
    policy             varchar(50)   not null,
    chosen_carrier     varchar(100),
    chosen_service     varchar(100),
    chosen_amount      numeric,
    chosen_currency    char(3),
    ranked_quotes      text          not null,
    carrier_answers    text          not null,
    traceparent        varchar(64),
    decided_at         timestamptz   not null
);
create index rating_decision_shipment on rating_decision (shipment_id, decided_at);
