package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * collection-case.bpmn, every "Send ..." task: asks outreach for an automatic contact. Input parameters
 * {@code channel} (EMAIL, SMS, LETTER) and {@code template} name it; any other input parameter is a detail the
 * template needs (promisedAmount, noticeDays, plan terms ...).
 */
@Component("requestContact")
class RequestContact implements JavaDelegate {

  private final CaseProgress progress;

  RequestContact(CaseProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, String> details = new HashMap<>();
    execution.getVariablesLocal().forEach((name, value) -> {
      if (!"channel".equals(name) && !"template".equals(name) && value != null) {
        details.put(name, value.toString());
      }
    });
    progress.requestContact(CaseVariables.caseNumber(execution), CaseVariables.text(execution, "channel"),
        CaseVariables.text(execution, "template"), execution.getProcessInstanceId(), details);
  }
}
