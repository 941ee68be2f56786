package io.arcollect.ledger;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** No customer with this account number. */
public class UnknownCustomerException extends ResponseStatusException {

  public UnknownCustomerException(String accountNumber) {
    super(HttpStatus.NOT_FOUND, "No customer with account number " + accountNumber);
  }
}
