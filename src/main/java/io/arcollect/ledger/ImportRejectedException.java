package io.arcollect.ledger;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A whole file refused before any row was looked at: empty, wrong columns, too large, not a statement. */
public class ImportRejectedException extends ErrorResponseException {

  public ImportRejectedException(HttpStatusCode status, String title, String detail) {
    super(status, problem(status, title, detail), null);
  }

  public static ImportRejectedException badFile(String detail) {
    return new ImportRejectedException(HttpStatus.BAD_REQUEST, "File rejected", detail);
  }

  private static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
