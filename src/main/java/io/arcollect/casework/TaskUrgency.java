package io.arcollect.casework;

import java.util.Map;

/**
 * How urgent a case's tasks are, from its strategy and situation, so that Tasklist lists sort by urgency:
 * Camunda task priority 0-100 (higher first) and the days a collector has for a call.
 *
 * <p>priority = 40 x how far the oldest invoice is on its way to the strategy's formal notice
 * (daysPastDue / daysToFormalNotice, at most 1) + 30 x the overdue amount's weight (amount / 50,000, at most 1)
 * + 10 for each credit grade below A (B 10, C 20, D 30). A call is due the next day from priority 60, else
 * within two days, and never later than the strategy's follow-up interval.
 */
public final class TaskUrgency {

  static final double LARGE_AMOUNT = 50_000;

  private TaskUrgency() {}

  /** Task variables for a case whose strategy was just chosen: taskPriority and callDueDays. */
  public static Map<String, Object> of(String creditGrade, int daysPastDue, double overdueAmount,
      int daysToFormalNotice, int followUpIntervalDays) {
    double escalation = Math.min(1, (double) Math.max(0, daysPastDue) / Math.max(1, daysToFormalNotice));
    double amount = Math.min(1, Math.max(0, overdueAmount) / LARGE_AMOUNT);
    int grade = creditGrade == null || creditGrade.isEmpty() ? 0 : Math.max(0, Math.min(3, creditGrade.charAt(0) - 'A'));
    int priority = (int) Math.round(40 * escalation + 30 * amount + 10 * grade);
    int callDueDays = Math.max(1, Math.min(priority >= 60 ? 1 : 2, followUpIntervalDays));
    return Map.of("taskPriority", priority, "callDueDays", callDueDays);
  }
}
