package io.arcollect.ledger;

/** How a contact person prefers to be reached. */
public enum ContactChannel { EMAIL, PHONE, SMS, LETTER }
