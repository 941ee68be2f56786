package io.arcollect.outreach;

import io.arcollect.ledger.CustomerDirectory.CustomerProfile;
import java.util.Locale;
import java.util.Map;

/**
 * What one message to a customer says, ready for a template: the customer, the language, and the variables
 * (case number, invoice table, totals, deadline, promise, plan) as display text.
 */
public record CustomerMessage(ContactRequest request, CustomerProfile customer, Locale locale,
    Map<String, Object> variables) {

  public String language() {
    return locale.getLanguage();
  }
}
