package io.arcollect.process;

import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * collection-case.bpmn, "Approve instalment plan" on complete: the approver must be another person than the
 * one who recorded the plan (four eyes).
 */
@Component("fourEyes")
class FourEyes implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String approver = actingUser(task);
    Object recorder = task.getVariable("planRecordedBy");
    if (approver == null || Objects.equals(approver, recorder)) {
      throw new ProcessEngineException("Four eyes: the plan was recorded by " + recorder
          + "; another finance user must approve it");
    }
    task.setVariable("planApprovedBy", approver);
  }

  /** The user completing the task: the logged-in user, else the assignee. */
  static String actingUser(DelegateTask task) {
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee();
  }
}
