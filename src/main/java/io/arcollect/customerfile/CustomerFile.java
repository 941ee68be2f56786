package io.arcollect.customerfile;

import io.arcollect.analysis.CustomerAnalysis;
import io.arcollect.analysis.PaymentBehaviour;
import io.arcollect.casework.CaseVisibility;
import io.arcollect.casework.ContactAttempt;
import io.arcollect.casework.ContactLog;
import io.arcollect.ledger.ContactPerson;
import io.arcollect.ledger.CustomerDirectory;
import io.arcollect.ledger.CustomerDirectory.CustomerProfile;
import io.arcollect.system.UserError;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One customer on one screen, read-only: who to call and when (contact persons, local time, language), the credit
 * picture (tier, grade with the figures behind it, limit, exposure, hold), every open invoice, the promises, the
 * cases and the contact log. Sales see only the customers whose account they own, as in the API.
 */
@Service
public class CustomerFile {

  public record Found(String accountNumber, String name, String tier, String currency, BigDecimal openAmount,
      String openCase, boolean creditHold) {}

  public record Profile(String accountNumber, String name, String tier, String industry, String language,
      String timeZone, String localTime, String localDate, int utcOffsetMinutes, String email, String phone,
      String accountOwner, List<String> address, boolean doNotContact, String doNotContactReason,
      LocalDate doNotContactSince, boolean creditHold) {}

  public record Credit(String grade, String gradedInCase, LocalDate gradedOn, String currency, BigDecimal creditLimit,
      BigDecimal exposure, BigDecimal available, Double exposureRatio, long paidInvoiceCount,
      double latePaymentShare, double averageDaysLate, int p90DaysLate, double disputeShare,
      int oldestOpenDaysPastDue) {}

  public record OpenInvoice(String invoiceNumber, LocalDate issueDate, LocalDate dueDate, BigDecimal amount,
      BigDecimal openAmount, String currency, long daysPastDue, boolean overdue, boolean disputed,
      String disputeReason, boolean ofOpenCase) {}

  public record Promise(String caseNumber, BigDecimal amount, String currency, LocalDate promisedDate, Instant madeAt,
      String state) {}

  public record CaseLine(String caseNumber, String status, String stage, String outcome, String strategy,
      String creditGrade, String currency, BigDecimal amountAtOpen, BigDecimal outstandingAmount, Instant openedAt,
      Instant closedAt) {}

  public record Contact(Instant at, String caseNumber, String channel, String userId, String outcome, String notes,
      String template) {}

  public record File(Profile customer, Credit credit, List<ContactPerson.Details> contacts, List<OpenInvoice> invoices,
      List<Promise> promises, List<CaseLine> cases, List<Contact> contactLog, String openCase, boolean mayLog) {}

  private final CustomerDirectory customers;
  private final CustomerAnalysis analysis;
  private final CaseVisibility visibility;
  private final ContactLog contactLog;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  CustomerFile(CustomerDirectory customers, CustomerAnalysis analysis, CaseVisibility visibility, ContactLog contactLog,
      JdbcTemplate jdbc, Clock clock) {
    this.customers = customers;
    this.analysis = analysis;
    this.visibility = visibility;
    this.contactLog = contactLog;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Customers the caller sees whose name or account number contains the text; at most 50. */
  @Transactional(readOnly = true)
  public List<Found> search(String text) {
    String wanted = text == null ? "" : text.trim();
    String pattern = "%" + wanted.toUpperCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
        .replace("_", "\\_") + "%";
    Optional<String> owner = visibility.ownCustomersOf();
    return jdbc.query("""
        select c.account_number, c.name, c.tier, c.currency, c.credit_hold,
               (select sum(i.open_amount) from invoices i where i.customer_id = c.id and i.status = 'OPEN') open_amount,
               (select min(k.case_number) from collection_cases k where k.customer_id = c.id and k.status = 'OPEN') open_case
          from customers c
         where (upper(c.account_number) like ? or upper(c.name) like ?) and (? or c.account_owner = ?)
         order by c.name, c.account_number
        """, ps -> {
          ps.setString(1, pattern);
          ps.setString(2, pattern);
          ps.setBoolean(3, owner.isEmpty());
          ps.setString(4, owner.orElse(""));
          ps.setMaxRows(50);
        }, (rs, row) -> new Found(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            orZero(rs.getBigDecimal(6)), rs.getString(7), rs.getBoolean(5)));
  }

  /** The customer as the caller may see it; 404 for an unknown account, 403 for someone else's customer (sales). */
  @Transactional(readOnly = true)
  public CustomerProfile visible(String accountNumber) {
    CustomerProfile customer = customers.find(accountNumber)
        .orElseThrow(() -> UserError.notFound("There is no customer with account number " + accountNumber + "."));
    if (!visibility.seesCustomerOwnedBy(customer.accountOwner())) {
      throw UserError.forbidden("Customer " + accountNumber + " is not one of your accounts: sales see the customer "
          + "files of the customers they own.");
    }
    return customer;
  }

  @Transactional(readOnly = true)
  public File of(String accountNumber, boolean mayLog) {
    CustomerProfile customer = visible(accountNumber);
    LocalDate today = LocalDate.now(clock);
    List<CaseLine> cases = jdbc.query("""
        select case_number, status, stage, outcome, strategy, credit_grade, currency, amount_at_open, outstanding_amount,
               opened_at, closed_at
          from collection_cases where customer_id = ? order by opened_at desc, id desc
        """, (rs, row) -> new CaseLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
            instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11))), customer.id());
    String openCase = cases.stream().filter(c -> "OPEN".equals(c.status())).map(CaseLine::caseNumber).findFirst()
        .orElse(null);
    List<String> ofOpenCase = openCase == null ? List.of() : jdbc.queryForList("""
        select i.invoice_number from case_invoices ci join collection_cases k on k.id = ci.case_id
          join invoices i on i.id = ci.invoice_id where k.case_number = ?
        """, String.class, openCase);
    List<OpenInvoice> invoices = jdbc.query("""
        select invoice_number, issue_date, due_date, amount, open_amount, currency, disputed, dispute_reason
          from invoices where customer_id = ? and status = 'OPEN' order by due_date, invoice_number
        """, (rs, row) -> {
          LocalDate due = rs.getObject(3, LocalDate.class);
          long late = Math.max(0, ChronoUnit.DAYS.between(due, today));
          return new OpenInvoice(rs.getString(1), rs.getObject(2, LocalDate.class), due, rs.getBigDecimal(4),
              rs.getBigDecimal(5), rs.getString(6), late, due.isBefore(today), rs.getBoolean(7), rs.getString(8),
              ofOpenCase.contains(rs.getString(1)));
        }, customer.id());
    List<Promise> promises = jdbc.query("""
        select p.case_number, p.amount, p.currency, p.promised_date, p.made_at, p.kept
          from promises_to_pay p join collection_cases k on k.case_number = p.case_number
         where k.customer_id = ? order by p.promised_date desc, p.id desc
        """, (rs, row) -> {
          Boolean kept = (Boolean) rs.getObject(6);
          LocalDate date = rs.getObject(4, LocalDate.class);
          String state = kept == null ? (date.isBefore(today) ? "DUE" : "OPEN") : kept ? "KEPT" : "BROKEN";
          return new Promise(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), date,
              instant(rs.getTimestamp(5)), state);
        }, customer.id());
    List<Contact> log = contactLog.ofCustomer(customer.id(), 200).stream().map(CustomerFile::contact).toList();
    BigDecimal exposure = invoices.stream().map(OpenInvoice::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new File(profile(customer), credit(customer, cases, exposure), customer.contacts(), invoices, promises,
        cases, log, openCase, mayLog);
  }

  private Profile profile(CustomerProfile c) {
    ZoneId zone = zone(c.timeZone());
    ZonedDateTime local = ZonedDateTime.now(clock).withZoneSameInstant(zone);
    List<String> address = c.address().map(a -> a.lines(locale(c.language()))).orElse(List.of());
    return new Profile(c.accountNumber(), c.name(), c.tier() == null ? null : c.tier().name(), c.industry(),
        c.language(), zone.getId(), local.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString(),
        local.toLocalDate().toString(), local.getOffset().getTotalSeconds() / 60, c.email(), c.phone(),
        c.accountOwner(), address, c.doNotContact(), c.doNotContactReason(), c.doNotContactSince(), c.creditHold());
  }

  private Credit credit(CustomerProfile c, List<CaseLine> cases, BigDecimal exposure) {
    Optional<CaseLine> graded = cases.stream().filter(k -> k.creditGrade() != null).findFirst();
    Optional<PaymentBehaviour> behaviour = analysis.of(c.accountNumber());
    BigDecimal limit = c.creditLimit();
    return new Credit(graded.map(CaseLine::creditGrade).orElse(null), graded.map(CaseLine::caseNumber).orElse(null),
        graded.map(k -> LocalDate.ofInstant(k.openedAt(), clock.getZone())).orElse(null), c.currency(), limit,
        exposure, limit == null ? null : limit.subtract(exposure),
        limit == null || limit.signum() == 0 ? null : exposure.doubleValue() / limit.doubleValue(),
        behaviour.map(PaymentBehaviour::paidInvoiceCount).orElse(0L),
        behaviour.map(PaymentBehaviour::latePaymentShare).orElse(0.0),
        behaviour.map(PaymentBehaviour::averageDaysLate).orElse(0.0),
        behaviour.map(PaymentBehaviour::p90DaysLate).orElse(0),
        behaviour.map(PaymentBehaviour::disputeShare).orElse(0.0),
        behaviour.map(PaymentBehaviour::oldestOpenDaysPastDue).orElse(0));
  }

  private static Contact contact(ContactAttempt a) {
    return new Contact(a.occurredAt(), a.caseNumber(), a.channel(), a.userId(), a.outcome(), a.notes(), a.template());
  }

  private static ZoneId zone(String id) {
    try {
      return id == null || id.isBlank() ? ZoneId.of("UTC") : ZoneId.of(id.trim());
    } catch (java.time.DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }

  private static Locale locale(String language) {
    return language == null || language.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(language);
  }

  private static BigDecimal orZero(BigDecimal amount) {
    return amount == null ? BigDecimal.ZERO : amount;
  }

  private static Instant instant(java.sql.Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
