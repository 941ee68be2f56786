package io.arcollect.casework;

import java.time.Instant;

/**
 * The collection case asks for an automatic contact with the customer (an email, SMS or letter from a
 * template). Published as a Spring application event inside the case's transaction; outreach decides when
 * and whether it may go out (the contact policy) and logs what happened.
 *
 * @param channel EMAIL, SMS or LETTER
 * @param template e.g. friendly-reminder, follow-up, promise-confirmation, plan-confirmation, formal-notice,
 *     case-closed
 */
public record ContactRequested(String caseNumber, String customerAccount, String channel, String template,
    String processInstanceId, Instant requestedAt) {}
