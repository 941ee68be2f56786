package io.arcollect.identity;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins for this user or from this address: try again after {@link #retryAfterSeconds()}. */
public class LoginThrottledException extends AuthenticationException {

  private final long retryAfterSeconds;

  public LoginThrottledException(long retryAfterSeconds) {
    super(message(retryAfterSeconds));
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The sentence every login path answers with. */
  public static String message(long retryAfterSeconds) {
    return "Too many failed logins for this user or from this address: try again in " + retryAfterSeconds
        + (retryAfterSeconds == 1 ? " second." : " seconds.");
  }
}
