-- Invoices a pre-due reminder was asked for (pre-due-reminders.bpmn): each invoice is reminded once before its due
-- date, even when a daily run is missed or repeated. Same script on H2 and PostgreSQL.
create table pre_due_reminders (
    invoice_id    bigint        not null primary key references invoices (id),
    customer_id   bigint        not null,
    due_date      date          not null,
    days_before   integer       not null,
    requested_at  timestamp with time zone not null
);
create index ix_pre_due_reminders_customer on pre_due_reminders (customer_id, due_date);
