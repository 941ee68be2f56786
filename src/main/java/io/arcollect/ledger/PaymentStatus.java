package io.arcollect.ledger;

/**
 * MATCHED: the whole amount went to invoices. PARTIALLY_MATCHED: invoices were paid and the rest is kept
 * as customer credit. UNMATCHED: nobody could tell what it pays; finance allocates it by hand.
 */
public enum PaymentStatus {
  MATCHED, PARTIALLY_MATCHED, UNMATCHED
}
