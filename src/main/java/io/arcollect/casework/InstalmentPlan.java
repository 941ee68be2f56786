package io.arcollect.casework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.function.Function;

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

  /**
   * The plan as finance recorded it in the case's form ({@code planTotal}, {@code planDownPayment},
   * {@code planInstalmentCount}, {@code planAgreedOn}, {@code planFirstDueDate}, {@code planIntervalDays}):
   * numbers as numbers or text, dates as ISO text. Whoever holds the terms (process variables, a contact
   * request) passes how to look one up.
   */
  public static InstalmentPlan fromTerms(Function<String, Object> term) {
    return new InstalmentPlan(amount(term.apply("planTotal")), amount(term.apply("planDownPayment")),
        whole(term.apply("planInstalmentCount"), 0), date(term.apply("planAgreedOn"), "the day the plan was agreed"),
        date(term.apply("planFirstDueDate"), "the date of the first instalment"),
        whole(term.apply("planIntervalDays"), 30));
  }

  private static BigDecimal amount(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return new BigDecimal(value.toString().trim());
  }

  private static int whole(Object value, int fallback) {
    if (value == null || value.toString().isBlank()) {
      return fallback;
    }
    // form numbers arrive as Integer, Long or Double, and as text ("3", "3.0") in a contact request
    return new BigDecimal(value.toString().trim()).intValueExact();
  }

  private static LocalDate date(Object value, String what) {
    String text = value == null ? "" : value.toString().trim();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("Enter " + what);
    }
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
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
