package io.arcollect.casework;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice of a case as the collector sees it. */
public record CaseInvoice(long invoiceId, String invoiceNumber, LocalDate dueDate, BigDecimal amount,
    BigDecimal openAmount, String currency, String status, boolean disputed, long daysPastDue) {

  public boolean isOpen() {
    return "OPEN".equals(status);
  }

  /** Open and not disputed: what a reminder or notice may ask the customer to pay. */
  public boolean isClaimable() {
    return isOpen() && !disputed;
  }

  /** A case's days past due: its oldest open invoice's, 0 when none is open. */
  public static int daysPastDueOf(java.util.List<CaseInvoice> invoices) {
    return (int) invoices.stream().filter(CaseInvoice::isOpen).mapToLong(CaseInvoice::daysPastDue).max().orElse(0);
  }
}
