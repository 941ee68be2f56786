-- Issue 17: a payment notice finds the customer's open case by account number (casework.CaseOutstanding.openCaseOf).
-- Without an index each notice read every case: a 10,000-line statement compared 10,000 notices with 10,000 cases.
-- Same script on H2 and PostgreSQL.
create index ix_collection_cases_account on collection_cases (customer_account, status);
