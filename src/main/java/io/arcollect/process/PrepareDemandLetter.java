package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** collection-case.bpmn, "Prepare demand letter": the amount and the days to pay that finance reviews. */
@Component("prepareDemandLetter")
class PrepareDemandLetter implements JavaDelegate {

  private final CaseProgress progress;

  PrepareDemandLetter(CaseProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = CaseVariables.caseNumber(execution);
    execution.setVariable("outstandingAmount", progress.outstanding(caseNumber).doubleValue());
    Integer recorded = progress.daysToLegalReferral(caseNumber);
    // a case assessed before the case record kept them has them as a variable
    execution.setVariable("noticeDays", progress.noticeDays(caseNumber,
        recorded != null ? recorded : CaseVariables.number(execution, "daysToLegalReferral", 0)));
  }
}
