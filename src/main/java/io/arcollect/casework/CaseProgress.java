package io.arcollect.casework;

import io.arcollect.analysis.CustomerAnalysis;
import io.arcollect.ledger.CustomerDirectory;
import io.arcollect.ledger.CustomerDirectory.CustomerProfile;
import io.arcollect.ledger.CustomerTier;
import io.arcollect.ledger.ReceivableAdjustments;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything the collection-case process does to a case, its customer and its invoices: the case record
 * stays in step with the process, and outreach hears about contacts and events.
 */
@Service
public class CaseProgress {

  /** How a case ends; REFERRED_TO_AGENCY is a legal referral handed to a collection agency. */
  public enum Outcome { PAID, SETTLED, WRITTEN_OFF, REFERRED_TO_LEGAL, REFERRED_TO_AGENCY, CANCELLED }

  /** How finance and sales settle a dispute. */
  public enum DisputeResolution { CREDIT_NOTE, CORRECTION, REJECTED }

  private final CollectionCaseRepository cases;
  private final CasesOfTransaction casesOfTransaction;
  private final CustomerDirectory customers;
  private final CustomerAnalysis analysis;
  private final ReceivableAdjustments adjustments;
  private final CaseOutstanding outstanding;
  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;
  private final CaseRules rules;
  private final Clock clock;
  private final jakarta.persistence.EntityManager entityManager;
  private final io.arcollect.ledger.ExchangeRates rates;

  CaseProgress(jakarta.persistence.EntityManager entityManager, CollectionCaseRepository cases, CustomerDirectory customers, CustomerAnalysis analysis,
      ReceivableAdjustments adjustments, CaseOutstanding outstanding, JdbcTemplate jdbc,
      ApplicationEventPublisher events, CaseRules rules, Clock clock, io.arcollect.ledger.ExchangeRates rates, CasesOfTransaction casesOfTransaction) {
    this.rates = rates;
    this.cases = cases;
    this.casesOfTransaction = casesOfTransaction;
    this.customers = customers;
    this.analysis = analysis;
    this.adjustments = adjustments;
    this.outstanding = outstanding;
    this.jdbc = jdbc;
    this.events = events;
    this.rules = rules;
    this.clock = clock;
    this.entityManager = entityManager;
  }

  /** The case's customer and payment behaviour: the inputs of credit-grade.dmn and collection-strategy.dmn. */
  @Transactional
  public Map<String, Object> assess(String caseNumber) {
    CollectionCase collectionCase = find(caseNumber);
    CustomerProfile customer = customerOf(collectionCase);
    Map<String, Object> facts = new HashMap<>(analysis.of(customer.accountNumber())
        .orElseThrow(() -> new IllegalStateException("No payment figures for " + customer.accountNumber()))
        .decisionInputs());
    List<CaseInvoice> open = invoices(caseNumber).stream().filter(CaseInvoice::isOpen).toList();
    facts.put("customerName", customer.name());
    facts.put("customerTier", customer.tier().name());
    facts.put("industry", customer.industry());
    facts.put("accountOwner", customer.accountOwner());
    // key accounts are worked by their owner by name; everyone else by the owning department
    facts.put("keyAccountOwner", customer.tier() == CustomerTier.KEY ? customer.accountOwner() : null);
    facts.put("daysPastDue", CaseInvoice.daysPastDueOf(open));
    // the strategy's thresholds are in the company currency: JPY 20,000 is not EUR 20,000 (no rate: an incident)
    facts.put("overdueAmount", rates.toCompanyCurrency(collectionCase.getOutstandingAmount(), collectionCase.getCurrency(),
        LocalDate.now(clock)).doubleValue());
    facts.put("companyCurrency", rates.companyCurrency());
    facts.put("cashPosition", rules.cashPosition());
    facts.put("fourEyesThreshold", rules.fourEyesThreshold().doubleValue());
    return facts;
  }

  /** Notes grade and strategy on the case record, with the strategy's escalation days (only Java steps read them). */
  @Transactional
  public void strategyChosen(String caseNumber, String creditGrade, String strategyName, String owningDepartment,
      Integer daysToFormalNotice, Integer daysToLegalReferral) {
    CollectionCase collectionCase = find(caseNumber);
    collectionCase.strategyChosen(creditGrade, strategyName, owningDepartment, daysToFormalNotice, daysToLegalReferral);
    publish(CaseEvent.Type.CASE_OPENED, collectionCase);
  }

  /** The strategy's days past due for the formal notice; null for a case assessed before they were recorded (V152). */
  @Transactional
  public Integer daysToFormalNotice(String caseNumber) {
    return find(caseNumber).getDaysToFormalNotice();
  }

  /** The strategy's days past due for the legal referral; null for a case assessed before they were recorded. */
  @Transactional
  public Integer daysToLegalReferral(String caseNumber) {
    return find(caseNumber).getDaysToLegalReferral();
  }

  @Transactional
  public void enter(String caseNumber, CaseStage stage) {
    find(caseNumber).enter(stage);
  }

  /** The case's invoices, oldest due first, with days past due as of today. */
  @Transactional
  public List<CaseInvoice> invoices(String caseNumber) {
    // invoices changed through JPA in this transaction must be visible to the SQL below
    entityManager.flush();
    LocalDate today = LocalDate.now(clock);
    return jdbc.query("""
        select i.id, i.invoice_number, i.due_date, i.amount, i.open_amount, i.currency, i.status, i.disputed
          from case_invoices ci join collection_cases k on k.id = ci.case_id join invoices i on i.id = ci.invoice_id
         where k.case_number = ?
         order by i.due_date, i.invoice_number
        """, (rs, n) -> {
          LocalDate due = rs.getObject(3, LocalDate.class);
          return new CaseInvoice(rs.getLong(1), rs.getString(2), due, rs.getBigDecimal(4), rs.getBigDecimal(5),
              rs.getString(6), rs.getString(7), rs.getBoolean(8),
              Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(due, today)));
        }, caseNumber);
  }

  /** The tier of the case's customer as its master data says now (STANDARD, KEY, SMALL...). */
  @Transactional
  public String customerTier(String caseNumber) {
    return jdbc.queryForObject("select tier from customers where id = ?", String.class, find(caseNumber).getCustomerId());
  }

  /** Days past due of the case's oldest open invoice today. */
  @Transactional
  public int daysPastDue(String caseNumber) {
    return CaseInvoice.daysPastDueOf(invoices(caseNumber));
  }

  /** Notes a promise for the promise-kept rate. */
  @Transactional
  public void promiseMade(String caseNumber, PromiseToPay promise) {
    jdbc.update("insert into promises_to_pay (case_number, amount, currency, promised_date, made_at) values (?, ?, ?, ?, ?)",
        caseNumber, promise.amount(), find(caseNumber).getCurrency(), java.sql.Date.valueOf(promise.date()),
        java.sql.Timestamp.from(clock.instant()));
  }

  /** Notes whether the case's open promise was kept. */
  @Transactional
  public void promiseChecked(String caseNumber, boolean kept) {
    jdbc.update("update promises_to_pay set kept = ?, checked_at = ? where case_number = ? and kept is null", kept,
        java.sql.Timestamp.from(clock.instant()), caseNumber);
  }

  /** When a promise is checked: the start of the day after the promised date plus the grace days. */
  public java.time.Instant promiseCheckTime(PromiseToPay promise) {
    return promise.date().plusDays(1L + rules.promiseGraceDays()).atStartOfDay(clock.getZone()).toInstant();
  }

  /**
   * Days a formal notice gives to pay: enough to reach the strategy's legal-referral age of the oldest
   * invoice, and never fewer than the company's minimum.
   */
  @Transactional
  public int noticeDays(String caseNumber, int daysToLegalReferral) {
    return Math.max(rules.noticeDays(), daysToLegalReferral - daysPastDue(caseNumber));
  }

  /** The date {@code days} from today. */
  public LocalDate deadline(int days) {
    return LocalDate.now(clock).plusDays(days);
  }

  /**
   * Fixes the formal notice's deadline once, {@code days} from today (the day finance approves the letter), on the
   * case record; the letter, the timer and the trail take this date. Answers it.
   */
  @Transactional
  public LocalDate fixNoticeDeadline(String caseNumber, int days) {
    LocalDate deadline = deadline(days);
    find(caseNumber).noticeDeadline(deadline);
    return deadline;
  }

  /** The moment a deadline has passed: the start of the day after it, in the business time zone. */
  public java.time.Instant endOf(LocalDate deadline) {
    return deadline.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
  }

  /** The start of the day after the grace period of a payment due on {@code due}. */
  public java.time.Instant graceEnds(LocalDate due) {
    return due.plusDays(1L + rules.instalmentGraceDays()).atStartOfDay(clock.getZone()).toInstant();
  }

  public java.time.Instant now() {
    return clock.instant();
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** What is still open of the case's invoices, brought up to date. */
  public BigDecimal outstanding(String caseNumber) {
    return outstanding.refresh(caseNumber);
  }

  /** Asks outreach for an automatic contact; outreach applies the contact policy and logs it. */
  @Transactional
  public void requestContact(String caseNumber, String channel, String template, String processInstanceId,
      Map<String, String> details) {
    CollectionCase collectionCase = find(caseNumber);
    events.publishEvent(new ContactRequested(caseNumber, collectionCase.getCustomerAccount(), channel, template,
        processInstanceId, clock.instant(), details));
  }

  @Transactional
  public void placeCreditHold(String caseNumber) {
    CollectionCase collectionCase = find(caseNumber);
    if (adjustments.placeCreditHold(collectionCase.getCustomerAccount())) {
      publish(CaseEvent.Type.CREDIT_HOLD_PLACED, collectionCase);
    }
  }

  /** Disputed invoices are not chased until the dispute is resolved. */
  @Transactional
  public void recordDispute(String caseNumber, Object invoiceNumbers, String reason) {
    CollectionCase collectionCase = find(caseNumber);
    adjustments.dispute(collectionCase.getCustomerAccount(), caseInvoiceNumbers(caseNumber, invoiceNumbers), reason);
  }

  /**
   * Whether every open invoice of the case is disputed: then nothing may be claimed, so no demand letter, credit
   * hold or legal referral happens until the dispute is resolved.
   */
  @Transactional
  public boolean fullyDisputed(String caseNumber) {
    List<CaseInvoice> open = invoices(caseNumber).stream().filter(CaseInvoice::isOpen).toList();
    return !open.isEmpty() && open.stream().allMatch(CaseInvoice::disputed);
  }

  /** The case's open disputed invoices with what the customer disputes, oldest due first. */
  @Transactional
  public Map<String, String> openDisputes(String caseNumber) {
    entityManager.flush();
    Map<String, String> disputes = new java.util.LinkedHashMap<>();
    jdbc.query("""
        select i.invoice_number, i.dispute_reason
          from case_invoices ci join collection_cases k on k.id = ci.case_id join invoices i on i.id = ci.invoice_id
         where k.case_number = ? and i.status = 'OPEN' and i.disputed
         order by i.due_date, i.invoice_number
        """, (org.springframework.jdbc.core.RowCallbackHandler) rs ->
            disputes.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2)), caseNumber);
    return disputes;
  }

  /** Settles a dispute; answers what stays outstanding. */
  @Transactional
  public BigDecimal resolveDispute(String caseNumber, Object invoiceNumbers, DisputeResolution resolution,
      BigDecimal creditAmount) {
    return resolveDispute(caseNumber, invoiceNumbers, resolution, creditAmount, null, null);
  }

  /** Settles a dispute, the credit made by {@code userId} for {@code reason}; answers what stays outstanding. */
  @Transactional
  public BigDecimal resolveDispute(String caseNumber, Object invoiceNumbers, DisputeResolution resolution,
      BigDecimal creditAmount, String userId, String reason) {
    CollectionCase collectionCase = find(caseNumber);
    Set<String> numbers = caseInvoiceNumbers(caseNumber, invoiceNumbers);
    ReceivableAdjustments.MadeBy madeBy = new ReceivableAdjustments.MadeBy(userId, caseNumber, reason);
    switch (resolution) {
      case CREDIT_NOTE -> adjustments.credit(collectionCase.getCustomerAccount(), numbers, null, madeBy);
      case CORRECTION -> {
        if (creditAmount == null || creditAmount.signum() <= 0) {
          throw new IllegalArgumentException("A correction needs the amount to credit");
        }
        adjustments.credit(collectionCase.getCustomerAccount(), numbers, creditAmount, madeBy);
      }
      case REJECTED -> adjustments.clearDispute(collectionCase.getCustomerAccount(), numbers);
    }
    return outstanding.refresh(caseNumber);
  }

  /** Writes off what is open of the case's invoices; answers the amount written off. */
  @Transactional
  public BigDecimal writeOff(String caseNumber) {
    return writeOff(caseNumber, null, null);
  }

  /** Writes off what is open of the case's invoices, approved by {@code userId}; answers the amount written off. */
  @Transactional
  public BigDecimal writeOff(String caseNumber, String userId, String reason) {
    BigDecimal written = adjustments.writeOff(invoices(caseNumber).stream().filter(CaseInvoice::isOpen)
        .map(CaseInvoice::invoiceId).toList(), new ReceivableAdjustments.MadeBy(userId, caseNumber, reason));
    outstanding.refresh(caseNumber);
    return written;
  }

  @Transactional
  public void referred(String caseNumber, Outcome referral) {
    CollectionCase collectionCase = find(caseNumber);
    publish(referral == Outcome.REFERRED_TO_AGENCY ? CaseEvent.Type.REFERRED_TO_AGENCY : CaseEvent.Type.REFERRED_TO_LEGAL,
        collectionCase);
  }

  /** Ends the case: its credit hold is lifted, unless it goes on to lawyers, an agency or a write-off. */
  @Transactional
  public void close(String caseNumber, Outcome outcome, String processInstanceId) {
    outstanding.refresh(caseNumber);
    CollectionCase collectionCase = find(caseNumber);
    boolean lift = outcome == Outcome.PAID || outcome == Outcome.SETTLED || outcome == Outcome.CANCELLED;
    if (lift && adjustments.releaseCreditHold(collectionCase.getCustomerAccount())) {
      publish(CaseEvent.Type.CREDIT_HOLD_RELEASED, collectionCase);
    }
    if (outcome == Outcome.PAID || outcome == Outcome.SETTLED) {
      requestContact(caseNumber, "EMAIL", "case-closed", processInstanceId, Map.of());
    }
    if (outcome == Outcome.PAID) {
      // paid in full before the promise was due to be checked: it was kept
      promiseChecked(caseNumber, true);
    }
    collectionCase.close(outcome.name(), clock.instant());
    publish(CaseEvent.Type.CASE_CLOSED, collectionCase);
  }

  /**
   * The invoice numbers a form names (a checklist's list, a JSON array or numbers separated by commas), each checked
   * to be an invoice of this case: a number from elsewhere is refused in words and nothing is changed.
   */
  private Set<String> caseInvoiceNumbers(String caseNumber, Object invoiceNumbers) {
    Set<String> named = invoiceNumbersOf(invoiceNumbers);
    Set<String> ofCase = invoices(caseNumber).stream().map(CaseInvoice::invoiceNumber).collect(Collectors.toSet());
    if (named.isEmpty()) {
      throw io.arcollect.system.UserError.badInput("Tick the invoices the customer disputes");
    }
    List<String> foreign = named.stream().filter(n -> !ofCase.contains(n)).toList();
    if (!foreign.isEmpty()) {
      throw io.arcollect.system.UserError.badInput("Not an invoice of case " + caseNumber + ": "
          + String.join(", ", foreign) + ". Tick the disputed invoices in the list of the case's invoices.");
    }
    return named;
  }

  /** Invoice numbers from a list, a JSON array text ["A","B"] or text separated by commas, semicolons or spaces. */
  public static Set<String> invoiceNumbersOf(Object value) {
    java.util.stream.Stream<String> parts;
    if (value instanceof java.util.Collection<?> list) {
      parts = list.stream().map(String::valueOf);
    } else {
      parts = Arrays.stream(String.valueOf(value).replaceAll("[\\[\\]\"]", " ").split("[,;\\s]+"));
    }
    return parts.map(String::trim).filter(n -> !n.isEmpty() && !"null".equals(n))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private void publish(CaseEvent.Type type, CollectionCase collectionCase) {
    events.publishEvent(new CaseEvent(type, collectionCase.getCaseNumber(), collectionCase.getCustomerAccount(),
        collectionCase.getOutstandingAmount(), collectionCase.getCurrency(), collectionCase.getOutcome(),
        clock.instant()));
  }

  private CollectionCase find(String caseNumber) {
    return casesOfTransaction.byNumber(caseNumber).orElseThrow(() -> new IllegalArgumentException("No case " + caseNumber));
  }

  private CustomerProfile customerOf(CollectionCase collectionCase) {
    return customers.find(collectionCase.getCustomerAccount())
        .orElseThrow(() -> new IllegalStateException("No customer " + collectionCase.getCustomerAccount()));
  }
}
