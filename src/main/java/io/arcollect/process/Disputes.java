package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Disputes hold the escalation: {@code ${disputes.holdEscalation(execution)}} in collection-case.bpmn asks, before
 * the demand letter and before the legal referral, whether every open invoice of the case is disputed (as the
 * ledger has it now, whoever marked them: the call form, the customer file, an import).
 */
@Component("disputes")
public class Disputes {

  private final CaseProgress progress;

  Disputes(CaseProgress progress) {
    this.progress = progress;
  }

  public boolean holdEscalation(VariableScope scope) {
    return progress.fullyDisputed(CaseVariables.caseNumber(scope));
  }
}
