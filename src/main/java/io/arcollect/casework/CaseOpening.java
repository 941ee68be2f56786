package io.arcollect.casework;

import io.arcollect.ledger.OverdueItems.OverdueAccount;
import io.arcollect.ledger.OverdueItems.OverdueInvoice;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Opens a case for an overdue account: the case record, its invoices and its collection-case process. */
@Service
public class CaseOpening {

  public static final String PROCESS_KEY = "collection-case";

  private final CollectionCaseRepository cases;
  private final CaseNumbers caseNumbers;
  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final Clock clock;

  CaseOpening(CollectionCaseRepository cases, CaseNumbers caseNumbers, JdbcTemplate jdbc, RuntimeService runtime,
      Clock clock) {
    this.cases = cases;
    this.caseNumbers = caseNumbers;
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.clock = clock;
  }

  /**
   * Must run inside a transaction; a second open case of the same customer fails on the database's
   * one-open-case constraint when the record is flushed, before the process starts.
   */
  CollectionCase open(OverdueAccount account, List<OverdueInvoice> invoices) {
    Instant now = clock.instant();
    String caseNumber = "CASE-%d-%06d".formatted(now.atZone(clock.getZone()).getYear(), caseNumbers.next());
    java.math.BigDecimal overdueAmount = invoices.stream().map(OverdueInvoice::openAmount)
        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    CollectionCase collectionCase = cases.saveAndFlush(new CollectionCase(caseNumber, account.customerId(),
        account.accountNumber(), account.currency(), overdueAmount, now));
    link(collectionCase, invoices, now);
    ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, collectionCase.getCaseNumber(),
        Variables.createVariables()
            .putValue("caseNumber", collectionCase.getCaseNumber())
            .putValue("customerAccount", account.accountNumber())
            .putValue("currency", account.currency())
            .putValue("outstandingAmount", overdueAmount.doubleValue()));
    collectionCase.startedAs(instance.getId());
    cases.flush();
    return collectionCase;
  }

  /** Adds overdue invoices to an open case (they join its outstanding amount). */
  void join(CollectionCase collectionCase, List<OverdueInvoice> invoices) {
    Instant now = clock.instant();
    link(collectionCase, invoices, now);
    invoices.forEach(invoice -> collectionCase.joined(invoice.openAmount()));
    for (OverdueInvoice invoice : invoices) {
      runtime.createMessageCorrelation("InvoiceOverdue")
          .processInstanceBusinessKey(collectionCase.getCaseNumber())
          .setVariable("joinedInvoiceNumber", invoice.invoiceNumber())
          .setVariable("outstandingAmount", collectionCase.getOutstandingAmount().doubleValue())
          .correlateAll();
    }
  }

  private void link(CollectionCase collectionCase, List<OverdueInvoice> invoices, Instant now) {
    jdbc.batchUpdate("insert into case_invoices (case_id, invoice_id, joined_at) values (?, ?, ?)",
        invoices.stream().map(i -> new Object[] {collectionCase.getId(), i.invoiceId(),
            java.sql.Timestamp.from(now)}).toList());
  }

}
