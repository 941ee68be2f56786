package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import io.arcollect.casework.CaseRules;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * collection-case.bpmn, "Count follow-up": is another follow-up due, or the formal notice? The follow-ups are counted
 * in followUpCount (none before the first); the limit is arcollect.case.max-follow-ups as configured now, the days
 * to formal notice the case's strategy's.
 */
@Component("prepareFollowUp")
class PrepareFollowUp implements JavaDelegate {

  private final CaseProgress progress;
  private final CaseRules rules;

  PrepareFollowUp(CaseProgress progress, CaseRules rules) {
    this.progress = progress;
    this.rules = rules;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = CaseVariables.caseNumber(execution);
    int followUps = CaseVariables.number(execution, "followUpCount", 0) + 1;
    int daysPastDue = progress.daysPastDue(caseNumber);
    execution.setVariable("followUpCount", followUps);
    execution.setVariable("formalNoticeDue", CaseRules.formalNoticeDue(followUps, rules.maxFollowUps(), daysPastDue,
        daysToFormalNotice(execution, caseNumber)));
  }

  private int daysToFormalNotice(DelegateExecution execution, String caseNumber) {
    Integer recorded = progress.daysToFormalNotice(caseNumber);
    // a case assessed before the case record kept them has them as a variable
    return recorded != null ? recorded : CaseVariables.number(execution, "daysToFormalNotice", Integer.MAX_VALUE);
  }
}
