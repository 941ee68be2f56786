package io.arcollect.audit;

import io.arcollect.casework.CaseEvent;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case's own record of what happened to it (table {@code case_events}): every {@link CaseEvent} is written in
 * the transaction of the step that caused it, with the user of that step. The trail reads credit holds,
 * referrals, opening and closing from here, never from the webhook processes.
 */
@Service
class CaseRecord {

  record Recorded(String caseNumber, String event, Instant occurredAt, String userId, BigDecimal outstandingAmount,
      String currency, String outcome) {}

  private final JdbcTemplate jdbc;
  private final IdentityService identity;

  CaseRecord(JdbcTemplate jdbc, IdentityService identity) {
    this.jdbc = jdbc;
    this.identity = identity;
  }

  @EventListener
  @Transactional
  void on(CaseEvent event) {
    var user = identity.getCurrentAuthentication();
    jdbc.update("insert into case_events (case_number, event, occurred_at, user_id, customer_account, outstanding_amount, "
            + "currency, outcome) values (?, ?, ?, ?, ?, ?, ?, ?)", event.caseNumber(), event.type().name(),
        Timestamp.from(event.occurredAt()), user == null ? null : user.getUserId(), event.customerAccount(),
        event.outstandingAmount(), event.currency(), event.outcome());
  }

  @Transactional(readOnly = true)
  List<Recorded> ofCase(String caseNumber) {
    return jdbc.query("select * from case_events where case_number = ? order by occurred_at, id",
        (rs, row) -> new Recorded(rs.getString("case_number"), rs.getString("event"),
            rs.getTimestamp("occurred_at").toInstant(), rs.getString("user_id"), rs.getBigDecimal("outstanding_amount"),
            rs.getString("currency"), rs.getString("outcome")), caseNumber);
  }
}
