package io.arcollect.casework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A partial-payment agreement over {@code total}: an optional down payment due on {@code agreedOn}, then
 * {@code instalmentCount} equal instalments (the last one takes the rounding) every {@code intervalDays}
 * from {@code firstDueDate}. Payments are numbered from 0; with a down payment, payment 0 is the down payment.
 */
public record InstalmentPlan(BigDecimal total, BigDecimal downPayment, int instalmentCount, LocalDate agreedOn,
    LocalDate firstDueDate, int intervalDays) {

  public InstalmentPlan {
    if (total == null || total.signum() <= 0) {
      throw new IllegalArgumentException("Nothing outstanding to plan");
    }
    downPayment = downPayment == null ? BigDecimal.ZERO : downPayment;
    if (downPayment.signum() < 0 || downPayment.compareTo(total) >= 0) {
      throw new IllegalArgumentException("The down payment must be at least 0 and less than the outstanding " + total);
    }
    if (instalmentCount < 1 || instalmentCount > 36) {
      throw new IllegalArgumentException("Between 1 and 36 instalments, not " + instalmentCount);
    }
    if (intervalDays < 7 || intervalDays > 92) {
      throw new IllegalArgumentException("Instalments every 7 to 92 days, not " + intervalDays);
    }
    if (firstDueDate == null || firstDueDate.isBefore(agreedOn)) {
      throw new IllegalArgumentException("The first instalment cannot be due before today (" + agreedOn + ")");
    }
  }

  public int scheduledPayments() {
    return instalmentCount + (hasDownPayment() ? 1 : 0);
  }

  public LocalDate dueDate(int payment) {
    check(payment);
    int instalment = hasDownPayment() ? payment - 1 : payment;
    return instalment < 0 ? agreedOn : firstDueDate.plusDays((long) instalment * intervalDays);
  }

  /** What must have been paid in all, once payment {@code payment} is due. */
  public BigDecimal dueUpTo(int payment) {
    check(payment);
    if (payment == scheduledPayments() - 1) {
      return total;
    }
    int instalments = hasDownPayment() ? payment : payment + 1;
    return downPayment.add(instalmentAmount().multiply(BigDecimal.valueOf(instalments)));
  }

  public BigDecimal instalmentAmount() {
    return total.subtract(downPayment).divide(BigDecimal.valueOf(instalmentCount), 2, RoundingMode.DOWN);
  }

  private boolean hasDownPayment() {
    return downPayment.signum() > 0;
  }

  private void check(int payment) {
    if (payment < 0 || payment >= scheduledPayments()) {
      throw new IllegalArgumentException("The plan has payments 0 to " + (scheduledPayments() - 1) + ", not " + payment);
    }
  }
}
