package io.arcollect.casework;

import java.time.Instant;

/**
 * One contact with a customer, automatic (userId null) or made by a collector. {@code reference} points at
 * what was sent: a mail message id, a case document id, an HTTP request id.
 */
public record ContactAttempt(String caseNumber, long customerId, String channel, String template, Instant occurredAt,
    String userId, String outcome, String notes, String reference, String processInstanceId, String taskId) {

  public ContactAttempt {
    if (channel == null || channel.isBlank() || outcome == null || outcome.isBlank() || occurredAt == null) {
      throw new IllegalArgumentException("A contact needs a channel, an outcome and a time");
    }
  }
}
