package io.arcollect.ledger;

public enum InvoiceStatus {
  OPEN, PAID, CREDITED, WRITTEN_OFF
}
