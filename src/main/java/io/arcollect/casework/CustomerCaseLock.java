package io.arcollect.casework;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One customer's case is changed by the sweep (opened from the invoices it reads, or invoices joined to it) or by
 * a payment notice (its outstanding amount recomputed, PaymentReceived correlated), never by both at once: both
 * lock the customer's row until their transaction ends, the sweep before it reads the customer's invoices, the
 * notice before it looks for the customer's open case. So a payment committed while the sweep opens the case is
 * either read by the sweep (it reads after the payment's commit) or delivered to the case (the notice waits for
 * the opening's commit and then finds the case); without the lock the notice found no case yet and the case
 * started from the invoices as they were before the payment, and never heard of it.
 *
 * <p>On PostgreSQL the sweep takes {@code FOR NO KEY UPDATE} and the notice {@code FOR SHARE}: they exclude each
 * other, notices of one customer do not exclude each other, and neither waits for the key-share locks that
 * inserting a row referring to the customer takes (a statement's payments, a contact logged), so a long
 * statement never waits for a sweep page or the other way round. H2 knows only {@code FOR UPDATE}.
 */
@Component
public class CustomerCaseLock {

  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  CustomerCaseLock(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** In the sweep's transaction, before it reads these customers' invoices: in id order, so two sweeps never deadlock. */
  void forSweep(Collection<Long> customerIds) {
    if (customerIds.isEmpty()) {
      return;
    }
    jdbc.queryForList("select id from customers where id in (" + customerIds.stream().sorted().map(String::valueOf)
        .collect(Collectors.joining(",")) + ") order by id " + (postgres() ? "for no key update" : "for update"),
        Long.class);
  }

  /** In a payment notice's delivery, before it looks for the open case: waits for a sweep opening or joining it. */
  public void forNotice(String customerAccount) {
    jdbc.queryForList("select id from customers where account_number = ? " + (postgres() ? "for share" : "for update"),
        Long.class, customerAccount);
  }

  private boolean postgres() {
    Boolean known = postgres;
    if (known == null) {
      known = jdbc.execute((ConnectionCallback<Boolean>) connection -> connection.getMetaData().getDatabaseProductName()
          .toLowerCase(Locale.ROOT).contains("postgres"));
      postgres = known;
    }
    return known;
  }
}
