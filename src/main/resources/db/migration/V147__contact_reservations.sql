-- A contact the contact policy let go out and that has not been sent yet (the check and the send are two jobs of
-- customer-contact.bpmn). It counts towards the weekly maximum like a sent one, so that two contacts checked at
-- the same moment for one customer cannot both take the last free place; the send (or its failure) removes it.
create table contact_reservations (
    process_instance_id varchar(64)  primary key,
    customer_id         bigint       not null references customers (id),
    reserved_at         timestamp with time zone not null
);

create index contact_reservations_customer on contact_reservations (customer_id, reserved_at);
