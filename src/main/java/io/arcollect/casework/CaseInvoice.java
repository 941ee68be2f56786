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
}
