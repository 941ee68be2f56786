-- A collector's notes are stored in full up to 10,000 characters (process.SubmissionRules.MAX_TEXT), after the
-- reason a task asks for (up to 1,000, e.g. why a demand letter goes back to calls).
-- Same script on H2 and PostgreSQL.
alter table contact_log alter column notes set data type varchar(12000);
