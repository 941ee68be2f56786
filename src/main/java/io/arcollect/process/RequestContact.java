package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * collection-case.bpmn, every "Send ..." task: asks outreach for an automatic contact. Input parameters
 * {@code channel} (EMAIL, SMS, LETTER) and {@code template} name it.
 */
@Component("requestContact")
class RequestContact implements JavaDelegate {

  private final CaseProgress progress;

  RequestContact(CaseProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    progress.requestContact(CaseVariables.caseNumber(execution), CaseVariables.text(execution, "channel"),
        CaseVariables.text(execution, "template"), execution.getProcessInstanceId());
  }
}
