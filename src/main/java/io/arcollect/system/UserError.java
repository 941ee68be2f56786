package io.arcollect.system;

import org.springframework.http.HttpStatus;

/**
 * A refusal the user can act on: the message is written for them (what is wrong, in the business's words) and
 * goes into the answer as it is; the status says what kind of refusal it is. Thrown anywhere, also inside the
 * engine (a task listener, a delegate, the identity provider): the error answers of /api, /engine-rest and the
 * Camunda webapps find it in the cause chain. Nothing else carries text to the user; every other exception is
 * answered without its details, which go to the log.
 */
public class UserError extends RuntimeException {

  private final HttpStatus status;

  public UserError(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  /** 400: the input is wrong; the message says which field and why. */
  public static UserError badInput(String message) {
    return new UserError(HttpStatus.BAD_REQUEST, message);
  }

  /** 404: there is no such thing (or the caller may not know it exists). */
  public static UserError notFound(String message) {
    return new UserError(HttpStatus.NOT_FOUND, message);
  }

  /** 409: the request clashes with what is already there. */
  public static UserError conflict(String message) {
    return new UserError(HttpStatus.CONFLICT, message);
  }

  /** 403: the caller may not do this, for a reason of the business (e.g. four eyes). */
  public static UserError forbidden(String message) {
    return new UserError(HttpStatus.FORBIDDEN, message);
  }

  public HttpStatus status() {
    return status;
  }
}
