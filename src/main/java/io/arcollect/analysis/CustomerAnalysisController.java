package io.arcollect.analysis;

import io.arcollect.identity.CallerScope;
import io.arcollect.ledger.CustomerDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
class CustomerAnalysisController {

  private final CustomerAnalysis analysis;
  private final CustomerDirectory customers;

  CustomerAnalysisController(CustomerAnalysis analysis, CustomerDirectory customers) {
    this.analysis = analysis;
    this.customers = customers;
  }

  /** Payment behaviour of one customer, as the credit grade sees it. */
  @GetMapping("/api/customers/{accountNumber}/analysis")
  PaymentBehaviour analysis(@PathVariable String accountNumber) {
    // sales: their own customers only (README "Who sees which case")
    customers.find(accountNumber).ifPresent(customer -> CallerScope.mustSeeCustomer(accountNumber,
        customer.accountOwner()));
    return analysis.of(accountNumber).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "No customer with account number " + accountNumber));
  }
}
