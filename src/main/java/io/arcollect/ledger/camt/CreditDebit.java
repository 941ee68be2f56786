package io.arcollect.ledger.camt;

/** Whether money came into the account (a customer paying) or left it. */
public enum CreditDebit {
  CREDIT,
  DEBIT
}
