package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import io.arcollect.casework.InstalmentPlan;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * collection-case.bpmn, "Record instalment plan" on complete: a plan that does not add up is refused (the
 * task stays open with the reason) and the plan is fixed over what is outstanding today.
 */
@Component("instalmentPlanCheck")
class InstalmentPlanCheck implements TaskListener {

  private final CaseProgress progress;

  InstalmentPlanCheck(CaseProgress progress) {
    this.progress = progress;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseNumber = CaseVariables.caseNumber(task);
    task.setVariable("planTotal", progress.outstanding(caseNumber).doubleValue());
    task.setVariable("planAgreedOn", progress.today().toString());
    try {
      InstalmentPlan plan = PlanVariables.plan(task);
      task.setVariable("planInstalmentAmount", plan.instalmentAmount().doubleValue());
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new ProcessEngineException("The instalment plan cannot be recorded: " + e.getMessage(), e);
    }
    task.setVariable("planRecordedBy", FourEyes.actingUser(task));
  }
}
