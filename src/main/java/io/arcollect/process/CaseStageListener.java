package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import io.arcollect.casework.CaseStage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** collection-case.bpmn: {@code ${caseStage.enter(execution, 'FORMAL_NOTICE')}} where a stage begins. */
@Component("caseStage")
public class CaseStageListener {

  private final CaseProgress progress;

  CaseStageListener(CaseProgress progress) {
    this.progress = progress;
  }

  public void enter(DelegateExecution execution, String stage) {
    CaseStage entered = CaseStage.valueOf(stage);
    progress.enter(CaseVariables.caseNumber(execution), entered);
    execution.setVariable("stage", entered.name());
  }
}
