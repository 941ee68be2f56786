-- Issue 17: the strategy's escalation days, read by Java steps only ("Count follow-up", "Prepare demand letter"), are
-- kept with the case record instead of as two process variables (three rows each: runtime, history, history detail).
-- Null for cases whose strategy was chosen before: they still have the variables. Same script on H2 and PostgreSQL.
alter table collection_cases add column days_to_formal_notice integer;
alter table collection_cases add column days_to_legal_referral integer;
