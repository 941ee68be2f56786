package io.arcollect.outreach;

import io.arcollect.analysis.CustomerAnalysis;
import io.arcollect.analysis.PaymentBehaviour;
import io.arcollect.casework.CaseInvoice;
import io.arcollect.casework.ContactRequested;
import io.arcollect.ledger.CustomerDirectory;
import io.arcollect.ledger.CustomerDirectory.CustomerProfile;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Courteous reminders before the due date (pre-due-reminders.bpmn): which customers have open, undisputed invoices
 * falling due soon that were not reminded yet, the facts the decisions read (tier, payment figures for the credit
 * grade, days until due), and the reminder itself, asked for as an automatic contact without a case (the contact
 * policy, the customer's language and the contact log apply as to every automatic contact).
 */
@Service
public class PreDueReminders {

  /** Invoices due within this many days are looked at; pre-due-reminder.dmn picks N days up to this. */
  public static final int LOOK_AHEAD_DAYS = 14;
  public static final String TEMPLATE = "pre-due-reminder";

  private final JdbcTemplate jdbc;
  private final CustomerDirectory customers;
  private final CustomerAnalysis analysis;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  PreDueReminders(JdbcTemplate jdbc, CustomerDirectory customers, CustomerAnalysis analysis,
      ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.customers = customers;
    this.analysis = analysis;
    this.events = events;
    this.clock = clock;
  }

  /** Accounts with open, undisputed invoices due in 1 to {@link #LOOK_AHEAD_DAYS} days not reminded yet. */
  @Transactional(readOnly = true)
  public List<String> accountsWithInvoicesDueSoon() {
    LocalDate today = LocalDate.now(clock);
    return jdbc.queryForList("""
        select distinct c.account_number from invoices i join customers c on c.id = i.customer_id
         where i.status = 'OPEN' and i.disputed = false and i.open_amount > 0 and i.due_date > ? and i.due_date <= ?
           and not exists (select 1 from pre_due_reminders r where r.invoice_id = i.id)
         order by c.account_number
        """, String.class, Date.valueOf(today), Date.valueOf(today.plusDays(LOOK_AHEAD_DAYS)));
  }

  /** What the decisions read about one customer: tier, payment figures (credit grade), days until the next due date. */
  @Transactional(readOnly = true)
  public Map<String, Object> facts(String account) {
    CustomerProfile customer = customer(account);
    Map<String, Object> facts = new HashMap<>();
    facts.put("paidInvoiceCount", 0);
    facts.put("latePaymentShare", 0.0);
    facts.put("averageDaysLate", 0.0);
    facts.put("p90DaysLate", 0);
    facts.put("disputeShare", 0.0);
    facts.put("exposureRatio", null);
    facts.put("oldestOpenDaysPastDue", 0);
    analysis.of(account).map(PaymentBehaviour::decisionInputs).ifPresent(facts::putAll);
    facts.put("customerTier", customer.tier().name());
    facts.put("customerName", customer.name());
    List<CaseInvoice> due = dueSoon(customer.id(), LOOK_AHEAD_DAYS);
    LocalDate today = LocalDate.now(clock);
    facts.put("daysUntilDue", due.isEmpty() ? null
        : (int) ChronoUnit.DAYS.between(today, due.get(0).dueDate()));
    facts.put("amountDueSoon", due.stream().map(CaseInvoice::openAmount).reduce(java.math.BigDecimal.ZERO,
        java.math.BigDecimal::add).doubleValue());
    return facts;
  }

  /**
   * Asks for the reminder about the invoices due within {@code daysBefore} days and notes them as reminded;
   * answers how many invoices it covers (0: nothing to remind).
   */
  @Transactional
  public int request(String account, int daysBefore, String requestedBy) {
    CustomerProfile customer = customer(account);
    List<CaseInvoice> due = dueSoon(customer.id(), daysBefore);
    if (due.isEmpty()) {
      return 0;
    }
    for (CaseInvoice invoice : due) {
      jdbc.update("insert into pre_due_reminders (invoice_id, customer_id, due_date, days_before, requested_at) "
          + "values (?, ?, ?, ?, ?)", invoice.invoiceId(), customer.id(), Date.valueOf(invoice.dueDate()), daysBefore,
          Timestamp.from(clock.instant()));
    }
    Map<String, String> details = Map.of("invoiceNumbers",
        due.stream().map(CaseInvoice::invoiceNumber).collect(Collectors.joining(",")), "daysBefore",
        Integer.toString(daysBefore));
    events.publishEvent(new ContactRequested(null, account, "EMAIL", TEMPLATE, requestedBy, clock.instant(), details));
    return due.size();
  }

  /** The named invoices of a customer as a reminder shows them: still open and undisputed, soonest due first. */
  @Transactional(readOnly = true)
  public List<CaseInvoice> invoices(String account, String invoiceNumbers) {
    List<String> numbers = List.of(invoiceNumbers == null ? new String[0] : invoiceNumbers.split(","));
    return open(customer(account).id(), Integer.MAX_VALUE).stream().filter(i -> numbers.contains(i.invoiceNumber()))
        .toList();
  }

  private List<CaseInvoice> dueSoon(long customerId, int days) {
    return open(customerId, days).stream().filter(i -> notReminded(i.invoiceId())).toList();
  }

  private boolean notReminded(long invoiceId) {
    return jdbc.queryForObject("select count(*) from pre_due_reminders where invoice_id = ?", Integer.class,
        invoiceId) == 0;
  }

  private List<CaseInvoice> open(long customerId, int days) {
    LocalDate today = LocalDate.now(clock);
    LocalDate until = days == Integer.MAX_VALUE ? LocalDate.of(9999, 12, 31) : today.plusDays(days);
    return jdbc.query("""
        select id, invoice_number, due_date, amount, open_amount, currency, status, disputed from invoices
         where customer_id = ? and status = 'OPEN' and disputed = false and open_amount > 0 and due_date > ?
           and due_date <= ?
         order by due_date, invoice_number
        """, (rs, n) -> new CaseInvoice(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), 0),
        customerId, Date.valueOf(today), Date.valueOf(until));
  }

  private CustomerProfile customer(String account) {
    return customers.find(account).orElseThrow(() -> new IllegalStateException("No customer " + account));
  }
}
