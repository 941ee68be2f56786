package io.arcollect.casework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Instant;
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
  private final CollectionCaseRepository cases;
  private final ContactLog contactLog;
  private final Clock clock;

  CaseContext(CaseProgress progress, CollectionCaseRepository cases, ContactLog contactLog, Clock clock) {
    this.progress = progress;
    this.cases = cases;
    this.contactLog = contactLog;
    this.clock = clock;
  }

  /** Task variables: invoiceTable, recentContacts, outstandingDisplay, openInvoiceNumbers, customerFileLink. */
  @Transactional
  public Map<String, Object> forTask(String caseNumber) {
    CollectionCase collectionCase = find(caseNumber);
    List<CaseInvoice> open = progress.invoices(caseNumber).stream().filter(CaseInvoice::isOpen).toList();
    Map<String, Object> variables = new HashMap<>();
    variables.put("invoiceTable", open.isEmpty() ? "No open invoices" : open.stream().map(i ->
        "%s  due %s  %d days late  %s %s open of %s%s".formatted(i.invoiceNumber(), i.dueDate(), i.daysPastDue(),
            i.currency(), money(i.openAmount()), money(i.amount()), i.disputed() ? "  DISPUTED" : ""))
        .collect(Collectors.joining("\n")));
    variables.put("openInvoiceNumbers", open.stream().map(CaseInvoice::invoiceNumber).collect(Collectors.joining(", ")));
    BigDecimal outstanding = open.stream().map(CaseInvoice::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    variables.put("outstandingDisplay", collectionCase.getCurrency() + " " + money(outstanding));
    // the customer file (customerfile.CustomerFilePage), linked from every task form
    variables.put("customerFileLink", "/customer-file/?account="
        + java.net.URLEncoder.encode(collectionCase.getCustomerAccount(), java.nio.charset.StandardCharsets.UTF_8));
    ZoneId zone = clock.getZone();
    List<ContactAttempt> recent = contactLog.ofCase(caseNumber, 5);
    variables.put("recentContacts", recent.isEmpty() ? "No contacts yet" : recent.stream().map(c ->
        "%s  %s  %s  %s%s".formatted(WHEN.format(c.occurredAt().atZone(zone)), c.channel(),
            c.userId() == null ? "automatic" : c.userId(), c.outcome(),
            c.notes() == null || c.notes().isBlank() ? "" : "  \"" + c.notes() + "\""))
        .collect(Collectors.joining("\n")));
    return variables;
  }

  @Transactional
  public long customerId(String caseNumber) {
    return find(caseNumber).getCustomerId();
  }

  public Instant now() {
    return clock.instant();
  }

  private CollectionCase find(String caseNumber) {
    return cases.findByCaseNumber(caseNumber).orElseThrow(() -> new IllegalArgumentException("No case " + caseNumber));
  }

  /** An amount as collectors and customers read it: 1,234.50. */
  public static String money(BigDecimal amount) {
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return format.format(amount.setScale(2, RoundingMode.HALF_UP));
  }
}
