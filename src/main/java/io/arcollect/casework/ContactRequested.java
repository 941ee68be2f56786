package io.arcollect.casework;

import java.time.Instant;
import java.util.Map;

/**
 * The collection case asks for an automatic contact with the customer (an email, SMS or letter from a
 * template). Published as a Spring application event inside the case's transaction; outreach decides when
 * and whether it may go out (the contact policy) and logs what happened.
 *
 * @param channel EMAIL, SMS or LETTER
 * @param template e.g. friendly-reminder, follow-up, promise-confirmation, plan-confirmation, formal-notice,
 *     case-closed
 * @param details what the template needs beyond the case: a promise's amount and date, a plan's terms, a notice's
 *     days
 */
public record ContactRequested(String caseNumber, String customerAccount, String channel, String template,
    String processInstanceId, Instant requestedAt, Map<String, String> details) {

  public static final java.util.Set<String> CHANNELS = java.util.Set.of("EMAIL", "SMS", "LETTER");

  public ContactRequested {
    if (!CHANNELS.contains(channel)) {
      throw new IllegalArgumentException("Automatic contacts go by EMAIL, SMS or LETTER, not " + channel);
    }
    if (template == null || template.isBlank()) {
      throw new IllegalArgumentException("An automatic contact needs a template");
    }
    details = details == null ? Map.of() : Map.copyOf(details);
  }
}
