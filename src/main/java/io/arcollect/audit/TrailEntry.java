package io.arcollect.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a case's audit trail.
 *
 * @param actor the Camunda user who did it; null for the engine and automatic work
 * @param subject the step, task, decision or template it concerns
 * @param details what was submitted, decided or sent, by name
 */
public record TrailEntry(Instant at, Kind kind, String actor, String subject, String summary,
    Map<String, Object> details) {

  public enum Kind {
    PROCESS_STARTED, PROCESS_ENDED, ACTIVITY, TASK_CREATED, TASK_ASSIGNMENT, TASK_COMPLETED, VARIABLE, DECISION,
    INCIDENT, OPERATION, CONTACT, DOCUMENT
  }
}
