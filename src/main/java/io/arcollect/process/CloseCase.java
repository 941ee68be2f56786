package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** collection-case.bpmn, every "Close case: ..." task; input parameter {@code caseOutcome}. */
@Component("closeCase")
class CloseCase implements JavaDelegate {

  private final CaseProgress progress;

  CloseCase(CaseProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseProgress.Outcome outcome = CaseProgress.Outcome.valueOf(CaseVariables.text(execution, "caseOutcome"));
    progress.close(CaseVariables.caseNumber(execution), outcome, execution.getProcessInstanceId());
    execution.getProcessInstance().setVariable("outcome", outcome.name());
  }
}
