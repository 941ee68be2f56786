package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** collection-case.bpmn, "Assess customer": the facts the credit grade and the strategy decide on. */
@Component("assessCustomer")
class AssessCustomer implements JavaDelegate {

  private final CaseProgress progress;

  AssessCustomer(CaseProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(progress.assess(CaseVariables.caseNumber(execution)));
    execution.setVariable("planRunning", false);
  }
}
