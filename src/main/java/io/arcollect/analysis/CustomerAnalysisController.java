package io.arcollect.analysis;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
class CustomerAnalysisController {

  private final CustomerAnalysis analysis;

  CustomerAnalysisController(CustomerAnalysis analysis) {
    this.analysis = analysis;
  }

  /** Payment behaviour of one customer, as the credit grade sees it. */
  @GetMapping("/api/customers/{accountNumber}/analysis")
  PaymentBehaviour analysis(@PathVariable String accountNumber) {
    return analysis.of(accountNumber).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "No customer with account number " + accountNumber));
  }
}
