package io.arcollect.outreach;

import io.arcollect.casework.CaseInvoice;
import io.arcollect.casework.CaseProgress;
import io.arcollect.casework.ContactAttempt;
import io.arcollect.casework.ContactLog;
import io.arcollect.ledger.CustomerDirectory;
import io.arcollect.ledger.CustomerDirectory.CustomerProfile;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import io.arcollect.casework.PromisesToPay;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether an automatic contact may go out now: never to a do-not-contact customer, never about disputed
 * invoices only, not in the customer's quiet hours, and not more often than the weekly maximum. A contact that
 * may not go out now is postponed to the next allowed time, and checked again then: a contact that no longer makes
 * sense (case closed, promised date passed, promise made after a reminder was asked for) is dropped. Legal notices
 * are exempt from the weekly maximum and never held past their deadline. Every verdict but "send" is written to
 * the contact log with its reason. Human contacts (Tasklist calls) do not pass here.
 */
@Service
public class ContactPolicy {

  /** Templates about money still owed: pointless, even wrong, once only disputed invoices are left. */
  static final Set<String> DEMANDS = Set.of("friendly-reminder", "follow-up", "formal-notice");
  /**
   * Legal notices are not marketing: they do not wait for the weekly maximum (they still count towards it), and
   * quiet hours never hold one past its own deadline.
   */
  static final Set<String> LEGAL_NOTICES = Set.of("formal-notice");
  /** Reminders that make no sense any more once the customer promised to pay. */
  static final Set<String> REMINDERS = Set.of("friendly-reminder", "follow-up", "pre-due-reminder");
  private static final Duration WEEK = Duration.ofDays(7);

  public enum Verdict { SEND, POSTPONE, SKIP }

  /** The policy's answer; {@code sendAt} is when to ask again for POSTPONE. */
  public record Decision(Verdict verdict, Instant sendAt, String reason) {}

  private final CustomerDirectory customers;
  private final CaseProgress cases;
  private final ContactLog contactLog;
  private final PromisesToPay promises;
  private final PreDueReminders preDue;
  private final JdbcTemplate jdbc;
  private final ContactReservations reservations;
  private final OutreachSettings.Policy policy;
  private final Clock clock;

  ContactPolicy(CustomerDirectory customers, CaseProgress cases, ContactLog contactLog, PromisesToPay promises,
      PreDueReminders preDue, JdbcTemplate jdbc, ContactReservations reservations, OutreachSettings settings,
      Clock clock) {
    this.preDue = preDue;
    this.reservations = reservations;
    this.customers = customers;
    this.cases = cases;
    this.contactLog = contactLog;
    this.promises = promises;
    this.jdbc = jdbc;
    this.policy = settings.policy();
    this.clock = clock;
  }

  /**
   * One decision per customer at a time: the check waits for the customer's row lock, and a SEND takes its place in
   * the weekly maximum (a reservation, until the contact is sent) in the same transaction, so of two contacts checked
   * at the same moment for a customer one place below the maximum exactly one goes out and the other is postponed.
   */
  @Transactional
  public Decision check(ContactRequest request) {
    CustomerProfile customer = customers.find(request.customerAccount())
        .orElseThrow(() -> new IllegalStateException("No customer " + request.customerAccount()));
    reservations.lockCustomer(customer.id());
    Decision decision = decide(request, customer, clock.instant());
    if (decision.verdict() == Verdict.SEND && request.processInstanceId() != null) {
      reservations.reserve(customer.id(), request.processInstanceId(), clock.instant());
    }
    if (decision.verdict() != Verdict.SEND) {
      String note = decision.verdict() == Verdict.POSTPONE
          ? decision.reason() + "; postponed until " + decision.sendAt()
          : decision.reason();
      contactLog.record(new ContactAttempt(request.caseNumber(), customer.id(), request.channel(), request.template(),
          clock.instant(), null, decision.verdict() == Verdict.POSTPONE ? "POSTPONED" : "SKIPPED", note, null,
          request.processInstanceId(), null));
    }
    return decision;
  }

  private Decision decide(ContactRequest request, CustomerProfile customer, Instant now) {
    if (customer.doNotContact()) {
      return new Decision(Verdict.SKIP, null, "The customer is marked do-not-contact: no automatic contacts");
    }
    String stale = noLongerRelevant(request, now);
    if (stale != null) {
      return new Decision(Verdict.SKIP, null, stale);
    }
    if (DEMANDS.contains(request.template()) && undisputedOpenInvoices(request.caseNumber()).isEmpty()) {
      return new Decision(Verdict.SKIP, null, "No undisputed open invoice left to ask for");
    }
    boolean legal = LEGAL_NOTICES.contains(request.template());
    List<Instant> lastWeek = contactsSince(customer.id(), now.minus(WEEK));
    Instant allowed = now;
    String reason = null;
    if (!legal && lastWeek.size() >= policy.maxContactsPerWeek()) {
      // the window frees up when the oldest contact that keeps it full is a week old
      allowed = lastWeek.get(lastWeek.size() - policy.maxContactsPerWeek()).plus(WEEK);
      reason = "Already " + lastWeek.size() + " automatic contacts in 7 days (at most " + policy.maxContactsPerWeek() + ")";
    }
    ZoneId zone = zoneOf(customer);
    Instant outsideQuietHours = outsideQuietHours(allowed, zone);
    if (legal && !outsideQuietHours.isBefore(deadlineEnds(request, zone))) {
      // the notice must reach the customer before its own deadline: quiet hours do not hold it back that long
      outsideQuietHours = allowed;
    }
    if (!outsideQuietHours.equals(allowed)) {
      reason = (reason == null ? "" : reason + "; ") + "quiet hours " + policy.quietFrom() + "-" + policy.quietUntil()
          + " in " + zone + " (customer time " + allowed.atZone(zone).toLocalTime().withNano(0) + ")";
      allowed = outsideQuietHours;
    }
    return reason == null ? new Decision(Verdict.SEND, now, null) : new Decision(Verdict.POSTPONE, allowed, reason);
  }

  /** The automatic contacts sent since a moment and those let go out but not sent yet, oldest first. */
  private List<Instant> contactsSince(long customerId, Instant since) {
    List<Instant> contacts = new java.util.ArrayList<>(contactLog.automaticContactsSince(customerId, since));
    contacts.addAll(reservations.reservedSince(customerId, since));
    contacts.sort(null);
    return contacts;
  }

  /**
   * Why a contact no longer makes sense now that it is finally due, or null: the case is closed, the promised date
   * of a confirmation has passed, the customer promised to pay after a reminder was asked for.
   */
  String noLongerRelevant(ContactRequest request, Instant now) {
    if (!"case-closed".equals(request.template())) {
      List<Map<String, Object>> closed = jdbc.queryForList(
          "select outcome, closed_at from collection_cases where case_number = ? and status = 'CLOSED'",
          request.caseNumber());
      if (!closed.isEmpty()) {
        return "Case " + request.caseNumber() + " was closed (" + closed.get(0).get("outcome")
            + ") before this message went out: no longer relevant";
      }
    }
    LocalDate today = now.atZone(clock.getZone()).toLocalDate();
    if (request.caseNumber() == null && request.detail("invoiceNumbers") != null
        && preDue.invoices(request.customerAccount(), request.detail("invoiceNumbers")).isEmpty()) {
      return "The invoices " + request.detail("invoiceNumbers") + " are paid, disputed or already due: no reminder "
          + "before the due date any more";
    }
    if ("promise-confirmation".equals(request.template()) && request.detail("promisedDate") != null) {
      LocalDate promised = LocalDate.parse(request.detail("promisedDate").substring(0, 10));
      if (promised.isBefore(today)) {
        return "The promised date " + promised + " has passed: a confirmation of the promise would come too late";
      }
    }
    Instant requestedAt = requestedAt(request);
    if (REMINDERS.contains(request.template()) && requestedAt != null) {
      for (PromisesToPay.Promise promise : promises.ofCase(request.caseNumber())) {
        if (!promise.madeAt().isBefore(requestedAt) && promise.kept() == null) {
          return "The customer promised on " + promise.madeAt().atZone(clock.getZone()).toLocalDate() + " to pay "
              + promise.currency() + " " + promise.amount().stripTrailingZeros().toPlainString() + " by "
              + promise.promisedDate() + ", after this reminder was asked for: no reminder now";
        }
      }
    }
    return null;
  }

  private static Instant requestedAt(ContactRequest request) {
    String at = request.detail("requestedAt");
    try {
      return at == null ? null : Instant.parse(at);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** When a legal notice's deadline is over (the start of the day after), or far in the future without one. */
  private Instant deadlineEnds(ContactRequest request, ZoneId zone) {
    String deadline = request.detail("noticeDeadline");
    if (deadline == null || deadline.isBlank()) {
      return Instant.MAX;
    }
    // the customer must have the letter a day before the deadline ends at the latest
    return LocalDate.parse(deadline.substring(0, 10)).atStartOfDay(zone).toInstant();
  }

  /** The moment itself when it is outside quiet hours, else the end of those quiet hours. */
  Instant outsideQuietHours(Instant moment, ZoneId zone) {
    ZonedDateTime local = moment.atZone(zone);
    LocalTime time = local.toLocalTime();
    LocalTime from = policy.quietFrom();
    LocalTime until = policy.quietUntil();
    boolean overnight = from.isAfter(until);
    boolean quiet = overnight ? !time.isBefore(from) || time.isBefore(until) : !time.isBefore(from) && time.isBefore(until);
    if (!quiet) {
      return moment;
    }
    ZonedDateTime end = local.with(until);
    if (!end.isAfter(local)) {
      end = end.plusDays(1);
    }
    return end.toInstant();
  }

  private List<CaseInvoice> undisputedOpenInvoices(String caseNumber) {
    return cases.invoices(caseNumber).stream().filter(CaseInvoice::isClaimable).toList();
  }

  private ZoneId zoneOf(CustomerProfile customer) {
    try {
      return ZoneId.of(customer.timeZone());
    } catch (DateTimeException | NullPointerException e) {
      return clock.getZone();
    }
  }
}
