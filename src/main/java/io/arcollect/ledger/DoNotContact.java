package io.arcollect.ledger;

import java.time.LocalDate;

/**
 * The customer asked not to be contacted (automatic contacts stop; a collector's own call is still theirs to
 * make), or that wish was lifted: with why, and since when.
 */
public record DoNotContact(boolean requested, String reason, LocalDate since) {}
