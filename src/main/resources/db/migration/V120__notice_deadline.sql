-- The formal notice's deadline, fixed once when finance approves the demand letter: the letter, the case record,
-- the timer that refers the case to legal and the trail all show this one date. Same script on H2 and PostgreSQL.
alter table collection_cases add column notice_deadline date;
