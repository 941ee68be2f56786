package io.arcollect.outreach;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The places in a customer's weekly maximum taken by contacts the policy let go out but that are not sent yet
 * (table contact_reservations). The policy's check and the send are separate jobs: without a reservation two
 * contacts checked at the same moment would both see the last free place. {@link #lockCustomer} makes the checks
 * for one customer take turns (a row lock on the customer, held until the checking transaction ends), so a check
 * always sees the reservations of the checks before it.
 */
@Component
class ContactReservations {

  private final JdbcTemplate jdbc;

  ContactReservations(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Waits until no other transaction decides about this customer's contacts, and keeps the others waiting. */
  void lockCustomer(long customerId) {
    jdbc.queryForList("select id from customers where id = ? for update", Long.class, customerId);
  }

  /**
   * When the reserved places of still running contacts were taken since a moment. A reservation of a contact whose
   * process is gone (cancelled with its case before it was sent) no longer counts.
   */
  List<Instant> reservedSince(long customerId, Instant since) {
    return jdbc.query("select r.reserved_at from contact_reservations r where r.customer_id = ? and r.reserved_at >= ? "
            + "and exists (select 1 from act_ru_execution e where e.proc_inst_id_ = r.process_instance_id)",
        (rs, row) -> rs.getTimestamp(1).toInstant(), customerId, Timestamp.from(since));
  }

  /** Takes a place for the contact of this process instance (one per instance: a re-check replaces its own). */
  void reserve(long customerId, String processInstanceId, Instant at) {
    release(processInstanceId);
    jdbc.update("insert into contact_reservations (process_instance_id, customer_id, reserved_at) values (?, ?, ?)",
        processInstanceId, customerId, Timestamp.from(at));
  }

  /** The contact was sent (then the contact log counts it) or could not be: its place is free again. */
  void release(String processInstanceId) {
    if (processInstanceId != null) {
      jdbc.update("delete from contact_reservations where process_instance_id = ?", processInstanceId);
    }
  }
}
