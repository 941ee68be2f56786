package io.arcollect.casework;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Something happened to a collection case that the world outside may want to know (webhooks): published as a
 * Spring application event inside the transaction that made it happen.
 */
public record CaseEvent(Type type, String caseNumber, String customerAccount, BigDecimal outstandingAmount,
    String currency, String outcome, Instant occurredAt) {

  public enum Type {
    CASE_OPENED, CREDIT_HOLD_PLACED, CREDIT_HOLD_RELEASED, REFERRED_TO_LEGAL, REFERRED_TO_AGENCY, CASE_CLOSED
  }
}
