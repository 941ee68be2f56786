package io.arcollect.ledger;

import io.arcollect.ledger.camt.BankStatementFormatException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Ledger errors as application/problem+json; before system.ApiProblems, which answers everything else. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {PaymentController.class, CustomerController.class, InvoiceController.class})
class LedgerProblems {

  @ExceptionHandler(BankStatementFormatException.class)
  ProblemDetail malformedStatement(BankStatementFormatException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Bank statement rejected");
    return problem;
  }

  /** Two imports of the same records at the very same moment: the second loses and may simply be repeated. */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail conflict(DataIntegrityViolationException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "The same records were being stored by another request at the same time; nothing of this request was "
            + "stored. Send it again.");
    problem.setTitle("Concurrent change");
    return problem;
  }
}
