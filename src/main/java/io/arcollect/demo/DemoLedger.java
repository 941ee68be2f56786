package io.arcollect.demo;

import io.arcollect.casework.AgingSweep;
import io.arcollect.ledger.ContactPersonImport;
import io.arcollect.ledger.CustomerImport;
import io.arcollect.ledger.ImportReport;
import io.arcollect.ledger.InvoiceImport;
import io.arcollect.ledger.LedgerStatistics;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the IBM sample into the ledger once, through the same imports users call, when the demo profile
 * runs with demo data (ARCOLLECT_DEMO_DATA, default true), then runs the aging sweep once so the overdue
 * accounts have their collection cases (and Tasklist its tasks) right away instead of the next morning. A
 * ledger that has customers is left alone, so restarts change nothing.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "arcollect.demo.data", havingValue = "true", matchIfMissing = true)
@Order(100)
class DemoLedger implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoLedger.class);

  private final CustomerImport customers;
  private final ContactPersonImport contacts;
  private final InvoiceImport invoices;
  private final LedgerStatistics statistics;
  private final AgingSweep sweep;
  private final Clock clock;
  private final boolean openCases;
  private final DemoHistory history;

  DemoLedger(CustomerImport customers, ContactPersonImport contacts, InvoiceImport invoices, LedgerStatistics statistics,
      AgingSweep sweep, Clock clock, @Value("${arcollect.demo.open-cases:true}") boolean openCases,
      DemoHistory history) {
    this.history = history;
    this.openCases = openCases;
    this.customers = customers;
    this.contacts = contacts;
    this.invoices = invoices;
    this.statistics = statistics;
    this.sweep = sweep;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (statistics.customerCount() > 0) {
      log.info("Demo data: the ledger already has customers, nothing loaded");
      return;
    }
    IbmSample sample = IbmSample.load();
    LocalDate today = LocalDate.now(clock);
    ImportReport customerReport = customers.importCsv(stream(sample.customersCsv()));
    ImportReport invoiceReport = invoices.importCsv(stream(sample.invoicesOnBusinessDate(today)));
    log.info("Demo data: {} customers and {} invoices of the IBM sample as of {} (shown as {})",
        customerReport.accepted(), invoiceReport.accepted(), IbmSample.REFERENCE_DATE, today);
    ImportReport showcaseCustomers = customers.importCsv(stream(DemoShowcase.customersCsv()));
    ImportReport showcaseInvoices = invoices.importCsv(stream(DemoShowcase.invoicesCsv(today)));
    log.info("Demo data: {} showcase customers with {} invoices", showcaseCustomers.accepted(), showcaseInvoices.accepted());
    int contactPersons = contacts.importCsv(stream(sample.contactsCsv())).accepted()
        + contacts.importCsv(stream(DemoShowcase.contactsCsv())).accepted();
    log.info("Demo data: {} contact persons", contactPersons);
    log.info("Demo data: {} closed cases of the last year (paid, settled, written off; promises kept and broken)",
        history.write(today));
    if (openCases) {
      AgingSweep.Result cases = sweep.run();
      log.info("Demo data: {} collection cases opened for the overdue accounts", cases.casesOpened());
    }
  }

  private static ByteArrayInputStream stream(String csv) {
    return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
  }
}
