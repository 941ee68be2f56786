package io.arcollect.process;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Who is acting on a task. The four-eyes rule itself is generic: a user task's {@code fourEyesAgainst} extension
 * property, enforced at claim and completion time by {@link TaskHandling}.
 */
final class FourEyes {

  private FourEyes() {}

  /** The user completing the task: the logged-in user, else the assignee. */
  static String actingUser(DelegateTask task) {
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee();
  }
}
