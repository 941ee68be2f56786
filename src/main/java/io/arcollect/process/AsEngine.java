package io.arcollect.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine work that is the engine's own business, not the current user's: a user completing a task may
 * cause a contact process to start, though no user may start one directly.
 */
final class AsEngine {

  private AsEngine() {}

  /** Inside a running engine command (a delegate, a listener): without the current user's authorization checks. */
  static <T> T inCommand(Supplier<T> work) {
    var commandContext = Context.getCommandContext();
    if (commandContext == null) {
      throw new IllegalStateException("Not inside an engine command");
    }
    boolean checking = commandContext.isAuthorizationCheckEnabled();
    commandContext.disableAuthorizationCheck();
    try {
      return work.get();
    } finally {
      if (checking) {
        commandContext.enableAuthorizationCheck();
      }
    }
  }

  /** Inside or outside an engine command: outside, as no user at all. */
  static <T> T call(IdentityService identity, Supplier<T> work) {
    if (Context.getCommandContext() != null) {
      return inCommand(work);
    }
    Authentication user = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (user != null) {
        identity.setAuthentication(user);
      }
    }
  }
}
