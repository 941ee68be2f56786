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
 * may not go out now is postponed to the next allowed time, never dropped; every verdict but "send" is written
 * to the contact log with its reason. Human contacts (Tasklist calls) do not pass here.
 */
@Service
public class ContactPolicy {

  /** Templates about money still owed: pointless, even wrong, once only disputed invoices are left. */
  static final Set<String> DEMANDS = Set.of("friendly-reminder", "follow-up", "formal-notice");
  private static final Duration WEEK = Duration.ofDays(7);

  public enum Verdict { SEND, POSTPONE, SKIP }

  /** The policy's answer; {@code sendAt} is when to ask again for POSTPONE. */
  public record Decision(Verdict verdict, Instant sendAt, String reason) {}

  private final CustomerDirectory customers;
  private final CaseProgress cases;
  private final ContactLog contactLog;
  private final OutreachSettings.Policy policy;
  private final Clock clock;

  ContactPolicy(CustomerDirectory customers, CaseProgress cases, ContactLog contactLog, OutreachSettings settings,
      Clock clock) {
    this.customers = customers;
    this.cases = cases;
    this.contactLog = contactLog;
    this.policy = settings.policy();
    this.clock = clock;
  }

  @Transactional
  public Decision check(ContactRequest request) {
    CustomerProfile customer = customers.find(request.customerAccount())
        .orElseThrow(() -> new IllegalStateException("No customer " + request.customerAccount()));
    Decision decision = decide(request, customer, clock.instant());
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
    if (DEMANDS.contains(request.template()) && undisputedOpenInvoices(request.caseNumber()).isEmpty()) {
      return new Decision(Verdict.SKIP, null, "No undisputed open invoice left to ask for");
    }
    List<Instant> lastWeek = contactLog.automaticContactsSince(customer.id(), now.minus(WEEK));
    Instant allowed = now;
    String reason = null;
    if (lastWeek.size() >= policy.maxContactsPerWeek()) {
      // the window frees up when the oldest contact that keeps it full is a week old
      allowed = lastWeek.get(lastWeek.size() - policy.maxContactsPerWeek()).plus(WEEK);
      reason = "Already " + lastWeek.size() + " automatic contacts in 7 days (at most " + policy.maxContactsPerWeek() + ")";
    }
    ZoneId zone = zoneOf(customer);
    Instant outsideQuietHours = outsideQuietHours(allowed, zone);
    if (!outsideQuietHours.equals(allowed)) {
      reason = (reason == null ? "" : reason + "; ") + "quiet hours " + policy.quietFrom() + "-" + policy.quietUntil()
          + " in " + zone + " (customer time " + allowed.atZone(zone).toLocalTime().withNano(0) + ")";
      allowed = outsideQuietHours;
    }
    return reason == null ? new Decision(Verdict.SEND, now, null) : new Decision(Verdict.POSTPONE, allowed, reason);
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
