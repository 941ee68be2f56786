package io.arcollect.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class MissingAdminAccountFailureAnalyzer extends AbstractFailureAnalyzer<MissingAdminAccountException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingAdminAccountException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set the environment variables ARCOLLECT_ADMIN_USER and ARCOLLECT_ADMIN_PASSWORD, "
            + "or start with the 'demo' profile to get the demo users.", cause);
  }
}
