package io.arcollect.casework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a collector sees of a case on a task form, as of the moment the task is created. */
@Service
public class CaseContext {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final CaseProgress progress;
  private final ContactLog contactLog;
  private final Clock clock;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;
  private final CaseWords words;

  private final CasesOfTransaction casesOfTransaction;

  CaseContext(CaseProgress progress, ContactLog contactLog, Clock clock,
      org.springframework.jdbc.core.JdbcTemplate jdbc, CaseWords words, CasesOfTransaction casesOfTransaction) {
    this.casesOfTransaction = casesOfTransaction;
    this.words = words;
    this.progress = progress;
    this.contactLog = contactLog;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  /** The case's latest promise to pay when it is still open or was broken: the date to look at the case again. */
  public record PromiseToFollowUp(LocalDate promisedDate, boolean broken, String display) {}

  @Transactional
  public java.util.Optional<PromiseToFollowUp> promiseToFollowUp(String caseNumber) {
    return jdbc.query("""
        select amount, currency, promised_date, kept from promises_to_pay where case_number = ?
         order by made_at desc, id desc fetch first 1 rows only
        """, (rs, n) -> {
          Object kept = rs.getObject(4);
          if (Boolean.TRUE.equals(kept)) {
            return null;
          }
          boolean broken = Boolean.FALSE.equals(kept);
          LocalDate date = rs.getObject(3, LocalDate.class);
          String display = "%s %s promised for %s%s".formatted(rs.getString(2), money(rs.getBigDecimal(1)), date,
              broken ? ", broken" : date.isAfter(LocalDate.now(clock)) ? "" : ", due");
          return new PromiseToFollowUp(date, broken, display);
        }, caseNumber).stream().filter(java.util.Objects::nonNull).findFirst();
  }

  /** The names {@link #forTask} gives a task: copies, for the form (their history is not kept: TaskCopiesHistory). */
  public static final java.util.Set<String> FOR_TASK = java.util.Set.of("invoiceTable", "hasDisputedInvoices",
      "openInvoiceNumbers", "invoiceOptions", "outstandingDisplay", "customerFileLink", "recentContacts", "daysPastDue");

  /**
   * Task variables: invoiceTable, recentContacts, outstandingDisplay, openInvoiceNumbers, invoiceOptions,
   * customerFileLink, and daysPastDue (the oldest open invoice's, today: a Tasklist column).
   */
  @Transactional
  public Map<String, Object> forTask(String caseNumber) {
    CollectionCase collectionCase = find(caseNumber);
    List<CaseInvoice> open = progress.invoices(caseNumber).stream().filter(CaseInvoice::isOpen).toList();
    Map<String, Object> variables = new HashMap<>();
    variables.put("invoiceTable", open.isEmpty() ? "No open invoices" : open.stream().map(i ->
        "%s  due %s  %d days late  %s %s open of %s%s".formatted(i.invoiceNumber(), i.dueDate(), i.daysPastDue(),
            i.currency(), money(i.openAmount()), money(i.amount()), i.disputed() ? "  DISPUTED" : ""))
        .collect(Collectors.joining("\n")));
    variables.put("daysPastDue", CaseInvoice.daysPastDueOf(open));
    // for the Tasklist filter "Disputes"
    variables.put("hasDisputedInvoices", open.stream().anyMatch(CaseInvoice::disputed));
    variables.put("openInvoiceNumbers", open.stream().map(CaseInvoice::invoiceNumber).collect(Collectors.joining(", ")));
    // the options of the forms' "disputed invoices" checklist: only the case's own open invoices can be ticked
    variables.put("invoiceOptions", open.stream().map(i -> Map.of("value", i.invoiceNumber(), "label",
        "%s, due %s, %s %s open%s".formatted(i.invoiceNumber(), i.dueDate(), i.currency(), money(i.openAmount()),
            i.disputed() ? " (disputed)" : ""))).toList());
    BigDecimal outstanding = open.stream().map(CaseInvoice::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    variables.put("outstandingDisplay", collectionCase.getCurrency() + " " + money(outstanding));
    // the customer file (customerfile.CustomerFilePage), linked from every task form
    variables.put("customerFileLink", "/customer-file/?account="
        + java.net.URLEncoder.encode(collectionCase.getCustomerAccount(), java.nio.charset.StandardCharsets.UTF_8));
    ZoneId zone = clock.getZone();
    List<ContactAttempt> recent = contactLog.ofCase(caseNumber, 5);
    variables.put("recentContacts", recent.isEmpty() ? "No contacts yet" : recent.stream().map(c ->
        "%s  %s  %s  %s%s".formatted(WHEN.format(c.occurredAt().atZone(zone)),
            words.word("channel", c.channel(), Locale.ENGLISH), c.userId() == null ? "automatic" : c.userId(),
            words.word("outcome", c.outcome(), Locale.ENGLISH),
            c.notes() == null || c.notes().isBlank() ? "" : "  \"" + c.notes() + "\""))
        .collect(Collectors.joining("\n")));
    return variables;
  }

  /** The customer's tier as the master data says now. */
  public String customerTier(String caseNumber) {
    return progress.customerTier(caseNumber);
  }

  @Transactional
  public long customerId(String caseNumber) {
    return find(caseNumber).getCustomerId();
  }

  public Instant now() {
    return clock.instant();
  }

  /** The business clock's time zone. */
  public ZoneId zone() {
    return clock.getZone();
  }

  private CollectionCase find(String caseNumber) {
    return casesOfTransaction.byNumber(caseNumber).orElseThrow(() -> new IllegalArgumentException("No case " + caseNumber));
  }

  /** An amount as collectors and customers read it: 1,234.50. */
  public static String money(BigDecimal amount) {
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return format.format(amount.setScale(2, RoundingMode.HALF_UP));
  }
}
