-- A collector's notes are stored in full up to 10,000 characters (process.SubmissionRules.MAX_TEXT).
-- Same script on H2 and PostgreSQL.
alter table contact_log alter column notes set data type varchar(10000);
