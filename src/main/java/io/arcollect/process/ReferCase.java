package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** collection-case.bpmn, "Hand over to ...": input parameter {@code referral} REFERRED_TO_LEGAL or REFERRED_TO_AGENCY. */
@Component("referCase")
class ReferCase implements JavaDelegate {

  private final CaseProgress progress;

  ReferCase(CaseProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    progress.referred(CaseVariables.caseNumber(execution),
        CaseProgress.Outcome.valueOf(CaseVariables.text(execution, "referral")));
  }
}
