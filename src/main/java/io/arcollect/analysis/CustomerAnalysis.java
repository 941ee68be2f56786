package io.arcollect.analysis;

import io.arcollect.ledger.PaymentHistory;
import java.math.MathContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Turns a customer's payment history into the figures a credit controller (and the credit grade) looks at. */
@Service
public class CustomerAnalysis {

  private final PaymentHistory history;
  private final Clock clock;

  CustomerAnalysis(PaymentHistory history, Clock clock) {
    this.history = history;
    this.clock = clock;
  }

  public Optional<PaymentBehaviour> of(String customerAccount) {
    LocalDate today = LocalDate.now(clock);
    return history.of(customerAccount).map(f -> {
      double lateShare = f.paidCount() == 0 ? 0 : (double) f.paidLateCount() / f.paidCount();
      double disputeShare = f.invoiceCount() == 0 ? 0 : (double) f.disputedCount() / f.invoiceCount();
      Double exposure = f.creditLimit() == null || f.creditLimit().signum() == 0 ? null
          : f.openAmount().divide(f.creditLimit(), MathContext.DECIMAL64).doubleValue();
      int oldestDaysPastDue = f.oldestOpenDueDate() == null ? 0
          : (int) Math.max(0, ChronoUnit.DAYS.between(f.oldestOpenDueDate(), today));
      return new PaymentBehaviour(f.accountNumber(), today, f.invoiceCount(), f.paidCount(), round(lateShare),
          f.averageDaysLateOfLatePayments() == null ? 0 : round(f.averageDaysLateOfLatePayments()),
          f.daysLateP90() == null ? 0 : (int) Math.round(f.daysLateP90()), round(disputeShare), f.openAmount(),
          f.creditLimit(), f.currency(), exposure == null ? null : round(exposure), f.oldestOpenDueDate(),
          oldestDaysPastDue, f.creditedAmount(), f.writtenOffAmount());
    });
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
