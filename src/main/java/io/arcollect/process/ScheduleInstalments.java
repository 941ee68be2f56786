package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** payment-plan.bpmn, "Schedule instalments": how many payments, and the outstanding amount they pay down. */
@Component("scheduleInstalments")
class ScheduleInstalments implements JavaDelegate {

  private final CaseProgress progress;

  ScheduleInstalments(CaseProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("scheduledPayments", PlanVariables.plan(execution).scheduledPayments());
    execution.setVariable("outstandingAtPlanStart",
        progress.outstanding(CaseVariables.caseNumber(execution)).doubleValue());
  }
}
