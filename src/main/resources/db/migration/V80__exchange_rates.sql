-- Dated exchange rates in the convention of the ECB's euro foreign exchange reference rates: how many units of
-- `currency` one euro buys on `rate_date`. Any pair converts through the euro. Same script on H2 and PostgreSQL.
create table exchange_rates (
    currency        varchar(3)    not null,
    rate_date       date          not null,
    units_per_euro  numeric(19,8) not null,
    -- ECB (file import) or the user who entered the rate through the REST API
    source          varchar(64)   not null,
    recorded_at     timestamp with time zone not null,
    constraint pk_exchange_rates primary key (currency, rate_date),
    constraint ck_exchange_rates_rate check (units_per_euro > 0),
    constraint ck_exchange_rates_not_euro check (currency <> 'EUR')
);
create index ix_exchange_rates_date on exchange_rates (rate_date);
