package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import io.arcollect.casework.CaseRules;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** collection-case.bpmn, "Count follow-up": is another follow-up due, or the formal notice? */
@Component("prepareFollowUp")
class PrepareFollowUp implements JavaDelegate {

  private final CaseProgress progress;

  PrepareFollowUp(CaseProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = CaseVariables.caseNumber(execution);
    int followUps = CaseVariables.number(execution, "followUpCount", 0) + 1;
    int daysPastDue = progress.daysPastDue(caseNumber);
    execution.setVariable("followUpCount", followUps);
    execution.setVariable("daysPastDue", daysPastDue);
    execution.setVariable("formalNoticeDue", CaseRules.formalNoticeDue(followUps,
        CaseVariables.number(execution, "maxFollowUps", 3), daysPastDue,
        CaseVariables.number(execution, "daysToFormalNotice", Integer.MAX_VALUE)));
  }
}
