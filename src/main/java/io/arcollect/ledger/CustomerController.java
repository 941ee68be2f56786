package io.arcollect.ledger;

import io.arcollect.ledger.LedgerViews.CustomerView;
import io.arcollect.ledger.LedgerViews.InvoiceView;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/customers")
class CustomerController {

  private final CustomerImport customerImport;
  private final CustomerRepository customers;
  private final InvoiceRepository invoices;
  private final ImportLimits limits;

  CustomerController(CustomerImport customerImport, CustomerRepository customers, InvoiceRepository invoices,
      ImportLimits limits) {
    this.customerImport = customerImport;
    this.customers = customers;
    this.invoices = invoices;
    this.limits = limits;
  }

  /** CSV with the header account_number,name,tier,industry,credit_limit,currency,language,time_zone,email,phone,account_owner. */
  @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
  @PreAuthorize(LedgerAccess.FINANCE)
  ImportReport importCsv(HttpServletRequest request) throws IOException {
    return customerImport.importCsv(limits.limit(request.getInputStream(), request.getContentLengthLong()));
  }

  @GetMapping
  @Transactional(readOnly = true)
  List<CustomerView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
    return customers.findAll(PageRequest.of(page, Math.min(size, 1000), Sort.by("accountNumber")))
        .map(CustomerView::of).getContent();
  }

  @GetMapping("/{accountNumber}")
  @Transactional(readOnly = true)
  CustomerView get(@PathVariable String accountNumber) {
    return CustomerView.of(customers.findByAccountNumber(accountNumber).orElseThrow(() -> notFound(accountNumber)));
  }

  @GetMapping("/{accountNumber}/invoices")
  @Transactional(readOnly = true)
  List<InvoiceView> invoices(@PathVariable String accountNumber) {
    customers.findByAccountNumber(accountNumber).orElseThrow(() -> notFound(accountNumber));
    return invoices.findByCustomerAccount(accountNumber).stream().map(InvoiceView::of).toList();
  }

  private static ResponseStatusException notFound(String accountNumber) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "No customer with account number " + accountNumber);
  }
}
