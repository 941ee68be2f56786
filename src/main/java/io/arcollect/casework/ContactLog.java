package io.arcollect.casework;

import java.sql.Timestamp;
import java.time.Instant;
import io.arcollect.ledger.DoNotContactChanged;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The contact log: written once per contact, never changed; auditors and the contact policy read it. */
@Service
public class ContactLog {

  /** contact_log.notes (V150): a collector's notes of up to 10,000 characters after the reason a task asks for. */
  static final int NOTES_WIDTH = 12_000;

  private final JdbcTemplate jdbc;

  ContactLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public void record(ContactAttempt contact) {
    jdbc.update("insert into contact_log (case_number, customer_id, channel, template, occurred_at, user_id, outcome, "
            + "notes, reference, process_instance_id, task_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        contact.caseNumber(), contact.customerId(), contact.channel(), contact.template(),
        Timestamp.from(contact.occurredAt()), contact.userId(), contact.outcome(), truncate(contact.notes(), NOTES_WIDTH),
        truncate(contact.reference(), 500), contact.processInstanceId(), contact.taskId());
  }

  /** Who set or lifted do-not-contact, when and why: on the customer's open case, if there is one. */
  @EventListener
  @Transactional
  void on(DoNotContactChanged change) {
    Map<String, Object> openCase = jdbc.queryForList("select case_number, process_instance_id from collection_cases "
        + "where customer_id = ? and status = 'OPEN'", change.customerId()).stream().findFirst().orElse(Map.of());
    String reason = change.now().reason() == null ? "no reason given" : change.now().reason();
    String notes = change.now().requested()
        ? "Do not contact since " + change.now().since() + ": " + reason + " (" + change.source() + ")"
        : "Do-not-contact lifted: " + reason + " (" + change.source() + ")";
    record(new ContactAttempt((String) openCase.get("case_number"), change.customerId(), "INTERNAL", "do-not-contact",
        change.at(), change.changedBy(), change.now().requested() ? "DO_NOT_CONTACT_SET" : "DO_NOT_CONTACT_LIFTED",
        notes, null, (String) openCase.get("process_instance_id"), null));
  }

  /** A customer's contacts over all its cases (and those on no case), newest first. */
  @Transactional(readOnly = true)
  public List<ContactAttempt> ofCustomer(long customerId, int limit) {
    return jdbc.query("select * from contact_log where customer_id = ? order by occurred_at desc, id desc",
        ps -> {
          ps.setLong(1, customerId);
          ps.setMaxRows(limit);
        }, ContactLog::attempt);
  }

  /** A case's contacts, newest first. */
  @Transactional(readOnly = true)
  public List<ContactAttempt> ofCase(String caseNumber, int limit) {
    return jdbc.query("select * from contact_log where case_number = ? order by occurred_at desc, id desc",
        ps -> {
          ps.setString(1, caseNumber);
          ps.setMaxRows(limit);
        }, ContactLog::attempt);
  }

  private static ContactAttempt attempt(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new ContactAttempt(rs.getString("case_number"), rs.getLong("customer_id"), rs.getString("channel"),
        rs.getString("template"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("user_id"),
        rs.getString("outcome"), rs.getString("notes"), rs.getString("reference"),
        rs.getString("process_instance_id"), rs.getString("task_id"));
  }

  /** When automatic contacts were actually made (not postponed or skipped) with a customer since a moment, oldest first. */
  @Transactional(readOnly = true)
  public List<Instant> automaticContactsSince(long customerId, Instant since) {
    return jdbc.query("select occurred_at from contact_log where customer_id = ? and user_id is null "
            + "and outcome = 'SENT' and occurred_at >= ? order by occurred_at",
        (rs, row) -> rs.getTimestamp(1).toInstant(), customerId, Timestamp.from(since));
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
