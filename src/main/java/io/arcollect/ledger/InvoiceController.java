package io.arcollect.ledger;

import io.arcollect.ledger.LedgerViews.InvoiceView;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/invoices")
class InvoiceController {

  private final InvoiceImport invoiceImport;
  private final InvoiceRepository invoices;
  private final ImportLimits limits;

  InvoiceController(InvoiceImport invoiceImport, InvoiceRepository invoices, ImportLimits limits) {
    this.invoiceImport = invoiceImport;
    this.invoices = invoices;
    this.limits = limits;
  }

  /** CSV with the header invoice_number,customer_account,issue_date,due_date,amount,currency,open_amount,status,paid_date,disputed. */
  @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
  @PreAuthorize(LedgerAccess.FINANCE)
  ImportReport importCsv(HttpServletRequest request) throws IOException {
    return invoiceImport.importCsv(limits.limit(request.getInputStream(), request.getContentLengthLong()));
  }

  @GetMapping("/{invoiceNumber}")
  @Transactional(readOnly = true)
  InvoiceView get(@PathVariable String invoiceNumber) {
    Invoice invoice = invoices.findByInvoiceNumber(invoiceNumber).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "No invoice with number " + invoiceNumber));
    LedgerAccess.mustSee(invoice.getCustomer());
    return InvoiceView.of(invoice);
  }
}
