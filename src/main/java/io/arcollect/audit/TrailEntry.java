package io.arcollect.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a case's audit trail.
 *
 * @param actor the Camunda user who did it; null for the engine and automatic work
 * @param subject the step, task, decision or template it concerns
 * @param details what was submitted, decided, paid or sent, by the names users know (form labels, rule texts)
 */
public record TrailEntry(Instant at, Kind kind, Category category, String actor, String subject, String summary,
    Map<String, Object> details) {

  public TrailEntry(Instant at, Kind kind, String actor, String subject, String summary, Map<String, Object> details) {
    this(at, kind, kind.category, actor, subject, summary, details);
  }

  /** The trail page's filters: who did what, money, contacts with the customer, decisions, the case itself. */
  public enum Category { PEOPLE, MONEY, CONTACTS, DECISIONS, CASE, ENGINE }

  public enum Kind {
    /** opened, credit hold placed / released, referred, closed: as the case recorded it */
    CASE(Category.CASE),
    STAGE(Category.CASE),
    /** a step of the model worth knowing (an escalation, a plan started, an end) */
    STEP(Category.CASE),
    TIMER(Category.CASE),
    HUMAN_STEP(Category.PEOPLE),
    COMMENT(Category.PEOPLE),
    REFUSED(Category.PEOPLE),
    DECISION(Category.DECISIONS),
    PROMISE(Category.MONEY),
    PLAN(Category.MONEY),
    PAYMENT(Category.MONEY),
    ADJUSTMENT(Category.MONEY),
    CONTACT(Category.CONTACTS),
    DOCUMENT(Category.CONTACTS),
    INCIDENT(Category.ENGINE),
    // the engine's raw history, only with detail=full
    PROCESS_STARTED(Category.ENGINE),
    PROCESS_ENDED(Category.ENGINE),
    ACTIVITY(Category.ENGINE),
    TASK_CREATED(Category.ENGINE),
    TASK_ASSIGNMENT(Category.ENGINE),
    VARIABLE(Category.ENGINE),
    OPERATION(Category.ENGINE);

    final Category category;

    Kind(Category category) {
      this.category = category;
    }
  }
}
