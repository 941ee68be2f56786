package io.arcollect.demo;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A year of closed cases for the demo, so the dashboard's case, promise and recovery charts and the customer file's
 * history are not empty on first start: cases paid after a reminder, paid after a kept promise, paid late after a
 * broken one, settled in instalments and written off, on customers that owe nothing overdue today (so today's open
 * cases and their credit grades are the same as without it), and one on the Chinese showcase customer. Each case is
 * written as the application would have left it: its invoice (paid, or written off), the money received and
 * allocated, the contacts, the promise and the case's own events. These cases have no Camunda history (they never
 * ran in this engine): the case history page shows their trail, not a diagram.
 */
@Component
class DemoHistory {

  /** How a demo case went. */
  private enum Story { REMINDER_PAID, PROMISE_KEPT, PROMISE_BROKEN_PAID_LATE, SETTLED_IN_INSTALMENTS, WRITTEN_OFF }

  private static final Story[] CYCLE = {Story.PROMISE_KEPT, Story.REMINDER_PAID, Story.PROMISE_BROKEN_PAID_LATE,
      Story.PROMISE_KEPT, Story.SETTLED_IN_INSTALMENTS, Story.REMINDER_PAID, Story.PROMISE_KEPT, Story.WRITTEN_OFF,
      Story.PROMISE_BROKEN_PAID_LATE, Story.PROMISE_KEPT};

  private static final int[] AMOUNTS = {8_400, 3_150, 12_700, 5_900, 21_300, 2_480, 9_750, 4_620, 15_200, 6_880};

  private final JdbcTemplate jdbc;
  private final String nextCaseId;
  private final String nextCaseNumber;
  private final ZoneId zone;

  DemoHistory(JdbcTemplate jdbc, EntityManager entityManager, Clock clock) {
    this.jdbc = jdbc;
    var sequences = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices()
        .getDialect().getSequenceSupport();
    this.nextCaseId = sequences.getSequenceNextValString("collection_cases_seq");
    this.nextCaseNumber = sequences.getSequenceNextValString("case_number_seq");
    this.zone = clock.getZone();
  }

  /** Writes the year's closed cases; answers how many. */
  @Transactional
  public int write(LocalDate today) {
    List<Map<String, Object>> customers = new ArrayList<>(jdbc.queryForList("""
        select c.id, c.account_number, c.tier, c.currency from customers c
         where c.account_number not like 'SHOW-%' and not exists (select 1 from invoices i
               where i.customer_id = c.id and i.status = 'OPEN' and i.due_date < ?)
         order by c.account_number
        """, Date.valueOf(today)));
    if (customers.size() > 14) {
      customers = new ArrayList<>(customers.subList(0, 14));
    }
    int written = 0;
    int count = customers.isEmpty() ? 0 : 32;
    for (int i = 0; i < count; i++) {
      Story story = CYCLE[i % CYCLE.length];
      write(i, customers.get(i % customers.size()), story, openedOn(today, i, count, story),
          BigDecimal.valueOf(AMOUNTS[i % AMOUNTS.length]));
      written++;
    }
    // the Chinese showcase customer: a promise kept four months ago (its invoices were paid on time otherwise)
    for (Map<String, Object> chinese : jdbc.queryForList(
        "select id, account_number, tier, currency from customers where account_number = 'SHOW-0002'")) {
      write(count, chinese, Story.PROMISE_KEPT, today.minusDays(125), BigDecimal.valueOf(9_800));
      written++;
    }
    return written;
  }

  /** Spread over the last year, oldest first, every case closed by last week. */
  private static LocalDate openedOn(LocalDate today, int index, int count, Story story) {
    LocalDate opened = today.minusDays(365 - (long) index * 330 / count);
    LocalDate latest = today.minusDays(7 + days(story));
    return opened.isAfter(latest) ? latest : opened;
  }

  private static int days(Story story) {
    return switch (story) {
      case REMINDER_PAID -> 6;
      case PROMISE_KEPT -> 16;
      case PROMISE_BROKEN_PAID_LATE -> 41;
      case SETTLED_IN_INSTALMENTS -> 95;
      case WRITTEN_OFF -> 150;
    };
  }

  private void write(int index, Map<String, Object> customer, Story story, LocalDate opened, BigDecimal amount) {
    long customerId = ((Number) customer.get("id")).longValue();
    String account = (String) customer.get("account_number");
    String currency = (String) customer.get("currency");
    boolean key = "KEY".equals(customer.get("tier"));
    boolean risky = story == Story.WRITTEN_OFF || story == Story.SETTLED_IN_INSTALMENTS;
    String department = key || !risky ? "sales" : "finance";
    String collector = key || !risky ? "sally" : index % 2 == 0 ? "frank" : "fiona";
    String strategy = key ? "KEY_ACCOUNT_CARE" : risky ? "HIGH_RISK_ESCALATION" : "STANDARD_DUNNING";
    String grade = key ? "B" : risky ? "D" : index % 3 == 0 ? "B" : "A";
    LocalDate due = opened.minusDays(10);
    LocalDate closed = opened.plusDays(days(story));
    String outcome = switch (story) {
      case SETTLED_IN_INSTALMENTS -> "SETTLED";
      case WRITTEN_OFF -> "WRITTEN_OFF";
      default -> "PAID";
    };
    String invoiceNumber = account + "-C" + (index + 1);
    boolean paid = story != Story.WRITTEN_OFF;
    jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, currency, "
            + "status, paid_date, days_late) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", invoiceNumber, customerId,
        Date.valueOf(due.minusDays(30)), Date.valueOf(due), amount, paid ? BigDecimal.ZERO : amount, currency,
        paid ? "PAID" : "WRITTEN_OFF", paid ? Date.valueOf(closed) : null,
        paid ? (int) java.time.temporal.ChronoUnit.DAYS.between(due, closed) : null);
    long invoiceId = jdbc.queryForObject("select id from invoices where invoice_number = ?", Long.class, invoiceNumber);
    long caseId = jdbc.queryForObject(nextCaseId, Long.class);
    String caseNumber = "CASE-%d-%06d".formatted(opened.getYear(), jdbc.queryForObject(nextCaseNumber, Long.class));
    jdbc.update("insert into collection_cases (id, case_number, customer_id, customer_account, open_customer_id, "
            + "process_instance_id, status, stage, strategy, credit_grade, owning_department, currency, amount_at_open, "
            + "outstanding_amount, outcome, opened_at, closed_at) values (?, ?, ?, ?, null, null, 'CLOSED', 'CLOSED', ?, ?, "
            + "?, ?, ?, ?, ?, ?, ?)", caseId, caseNumber, customerId, account, strategy, grade, department, currency,
        amount, paid ? BigDecimal.ZERO : amount, outcome, at(opened, 6), at(closed, 15));
    jdbc.update("insert into case_invoices (case_id, invoice_id, joined_at) values (?, ?, ?)", caseId, invoiceId,
        at(opened, 6));
    event(caseNumber, "CASE_OPENED", at(opened, 6), null, account, amount, currency, null);
    contact(caseNumber, customerId, "EMAIL", "friendly-reminder", at(opened, 7), null, "SENT",
        "Friendly reminder for invoice " + invoiceNumber);
    switch (story) {
      case REMINDER_PAID -> payment(customerId, invoiceId, invoiceNumber, amount, currency, closed, 1);
      case PROMISE_KEPT -> {
        contact(caseNumber, customerId, "PHONE", "Task_InitialContact", at(opened.plusDays(2), 10), collector,
            "PROMISE_TO_PAY", account.equals("SHOW-0002") ? "王丽确认下周付款。" : "Accounts payable confirms the payment run.");
        promise(caseNumber, amount, currency, closed.plusDays(1), at(opened.plusDays(2), 10), true, at(closed.plusDays(3), 1));
        payment(customerId, invoiceId, invoiceNumber, amount, currency, closed, 1);
      }
      case PROMISE_BROKEN_PAID_LATE -> {
        contact(caseNumber, customerId, "PHONE", "Task_InitialContact", at(opened.plusDays(3), 11), collector,
            "PROMISE_TO_PAY", "Promised to pay within the week.");
        promise(caseNumber, amount, currency, opened.plusDays(10), at(opened.plusDays(3), 11), false,
            at(opened.plusDays(14), 1));
        contact(caseNumber, customerId, "PHONE", "Task_FollowUpCall", at(opened.plusDays(21), 9), collector, "REACHED",
            "Cash flow problem at the customer; pays the full amount at month end.");
        payment(customerId, invoiceId, invoiceNumber, amount, currency, closed, 1);
      }
      case SETTLED_IN_INSTALMENTS -> {
        contact(caseNumber, customerId, "PHONE", "Task_InitialContact", at(opened.plusDays(2), 10), collector,
            "PROMISE_TO_PAY", "Promised half by the end of the month.");
        promise(caseNumber, amount.divide(BigDecimal.valueOf(2)), currency, opened.plusDays(12),
            at(opened.plusDays(2), 10), false, at(opened.plusDays(16), 1));
        contact(caseNumber, customerId, "PHONE", "Task_FollowUpCall", at(opened.plusDays(25), 14), collector, "HARDSHIP",
            "Cannot pay in full: three monthly instalments agreed.");
        for (int n = 1; n <= 3; n++) {
          payment(customerId, invoiceId, invoiceNumber, amount.divide(BigDecimal.valueOf(3), 2, java.math.RoundingMode.DOWN)
              .add(n == 3 ? amount.subtract(amount.divide(BigDecimal.valueOf(3), 2, java.math.RoundingMode.DOWN)
                  .multiply(BigDecimal.valueOf(3))) : BigDecimal.ZERO), currency, closed.minusDays(60L - 30L * (n - 1)), n);
        }
      }
      case WRITTEN_OFF -> {
        contact(caseNumber, customerId, "PHONE", "Task_InitialContact", at(opened.plusDays(2), 10), collector,
            "PROMISE_TO_PAY", "Promised to pay by the 15th.");
        promise(caseNumber, amount, currency, opened.plusDays(9), at(opened.plusDays(2), 10), false,
            at(opened.plusDays(13), 1));
        contact(caseNumber, customerId, "PHONE", "Task_FollowUpCall", at(opened.plusDays(20), 10), collector, "REFUSES",
            "Refuses to pay; no further contact possible.");
        contact(caseNumber, customerId, "LETTER", "formal-notice", at(opened.plusDays(24), 8), null, "SENT",
            "Formal notice letter");
        event(caseNumber, "CREDIT_HOLD_PLACED", at(opened.plusDays(24), 8), "fiona", account, amount, currency, null);
        event(caseNumber, "REFERRED_TO_LEGAL", at(opened.plusDays(60), 10), "larry", account, amount, currency, null);
        contact(caseNumber, customerId, "INTERNAL", "Task_ApproveWriteOff", at(closed, 15), "frank", "APPROVED",
            "Customer insolvent; the lawyer sees no prospect of recovery.");
      }
    }
    event(caseNumber, "CASE_CLOSED", at(closed, 15), null, account, paid ? BigDecimal.ZERO : amount, currency, outcome);
  }

  private void payment(long customerId, long invoiceId, String invoiceNumber, BigDecimal amount, String currency,
      LocalDate valueDate, int n) {
    String reference = "DEMO-" + invoiceNumber + "-" + n;
    jdbc.update("insert into payments (bank_reference, statement_id, value_date, booking_date, amount, unallocated_amount, "
            + "currency, payer_name, remittance_text, status, customer_id, received_at) values (?, ?, ?, ?, ?, 0, ?, null, ?, "
            + "'MATCHED', ?, ?)", reference, "DEMO-STATEMENT-" + valueDate, Date.valueOf(valueDate), Date.valueOf(valueDate),
        amount, currency, invoiceNumber, customerId, at(valueDate, 8));
    long paymentId = jdbc.queryForObject("select id from payments where bank_reference = ?", Long.class, reference);
    jdbc.update("insert into allocations (payment_id, invoice_id, amount, allocated_at) values (?, ?, ?, ?)", paymentId,
        invoiceId, amount, at(valueDate, 8));
  }

  private void promise(String caseNumber, BigDecimal amount, String currency, LocalDate date, Timestamp made,
      boolean kept, Timestamp checked) {
    jdbc.update("insert into promises_to_pay (case_number, amount, currency, promised_date, made_at, kept, checked_at) "
        + "values (?, ?, ?, ?, ?, ?, ?)", caseNumber, amount, currency, Date.valueOf(date), made, kept, checked);
  }

  private void contact(String caseNumber, long customerId, String channel, String template, Timestamp at, String user,
      String outcome, String notes) {
    jdbc.update("insert into contact_log (case_number, customer_id, channel, template, occurred_at, user_id, outcome, "
        + "notes) values (?, ?, ?, ?, ?, ?, ?, ?)", caseNumber, customerId, channel, template, at, user, outcome, notes);
  }

  private void event(String caseNumber, String event, Timestamp at, String user, String account, BigDecimal outstanding,
      String currency, String outcome) {
    jdbc.update("insert into case_events (case_number, event, occurred_at, user_id, customer_account, outstanding_amount, "
        + "currency, outcome) values (?, ?, ?, ?, ?, ?, ?, ?)", caseNumber, event, at, user, account, outstanding,
        currency, outcome);
  }

  private Timestamp at(LocalDate day, int hour) {
    return Timestamp.from(day.atTime(hour, 0).atZone(zone).toInstant());
  }

}
