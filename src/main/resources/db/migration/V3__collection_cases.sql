-- Collection cases: one per overdue account, kept in step by the collection-case process.

create sequence collection_cases_seq start with 1 increment by 50;
-- the running number in case numbers such as CASE-2026-000042
create sequence case_number_seq start with 1 increment by 1;

create table collection_cases (
    id                   bigint        primary key,
    case_number          varchar(32)   not null,
    customer_id          bigint        not null references customers (id),
    customer_account     varchar(64)   not null,
    -- equals customer_id while the case is open and is null once it is closed: the unique constraint
    -- below is "one open case per customer", on every database and across nodes
    open_customer_id     bigint,
    process_instance_id  varchar(64),
    status               varchar(16)   not null,
    stage                varchar(32)   not null,
    strategy             varchar(64),
    credit_grade         varchar(1),
    owning_department    varchar(32),
    currency             varchar(3)    not null,
    amount_at_open       numeric(19,5) not null,
    outstanding_amount   numeric(19,5) not null,
    outcome              varchar(32),
    opened_at            timestamp with time zone not null,
    closed_at            timestamp with time zone,
    version              bigint        not null default 0,
    constraint uk_collection_cases_number unique (case_number),
    constraint uk_collection_cases_one_open_per_customer unique (open_customer_id),
    constraint ck_collection_cases_status check (status in ('OPEN', 'CLOSED'))
);
create index ix_collection_cases_customer on collection_cases (customer_id);
create index ix_collection_cases_status on collection_cases (status, opened_at);

create table case_invoices (
    case_id     bigint       not null references collection_cases (id),
    invoice_id  bigint       not null references invoices (id),
    joined_at   timestamp with time zone not null,
    primary key (case_id, invoice_id)
);
create index ix_case_invoices_invoice on case_invoices (invoice_id);
