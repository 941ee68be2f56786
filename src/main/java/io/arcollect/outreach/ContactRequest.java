package io.arcollect.outreach;

import java.util.Map;

/**
 * One automatic contact as the customer-contact process carries it: which case, which channel and template, and
 * the details the template needs (a promise's amount and date, a plan's terms, a notice's days).
 */
/** {@code caseNumber} is null for a pre-due reminder: the invoices are not overdue, there is no case. */
public record ContactRequest(String caseNumber, String customerAccount, String channel, String template,
    Map<String, String> details, String processInstanceId) {

  public ContactRequest {
    if (customerAccount == null || channel == null || template == null) {
      throw new IllegalArgumentException("A contact request needs a customer, a channel and a template");
    }
    if (caseNumber == null && !PreDueReminders.TEMPLATE.equals(template)) {
      throw new IllegalArgumentException("A contact request needs a case (only pre-due reminders come without one)");
    }
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  public String detail(String name) {
    return details.get(name);
  }
}
