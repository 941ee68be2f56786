package io.arcollect.ledger.camt;

/**
 * A file that cannot be imported as a camt.053 bank statement. The message is written for the finance user who
 * uploaded it: what is wrong and, where known, which message version and element.
 */
public class BankStatementFormatException extends RuntimeException {

  public BankStatementFormatException(String message) {
    super(message);
  }

  public BankStatementFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
