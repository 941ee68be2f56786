package io.arcollect.ledger;

/** How much attention an account gets: key accounts are looked after by their sales owner first. */
public enum CustomerTier {
  KEY, STANDARD, SMALL
}
