package io.arcollect.ledger;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An import file over the configured size; raised while reading, before anything is stored. */
public class ImportTooLargeException extends ErrorResponseException {

  public ImportTooLargeException(long limitBytes) {
    super(HttpStatus.PAYLOAD_TOO_LARGE, problem(limitBytes), null);
  }

  private static ProblemDetail problem(long limitBytes) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        "The file is larger than the limit of " + (limitBytes / (1024 * 1024))
            + " MB (arcollect.import.max-size). Nothing was imported; split the file.");
    problem.setTitle("File too large");
    return problem;
  }
}
