package io.arcollect.process;

import io.arcollect.casework.InstalmentPlan;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The instalment plan as finance recorded it in the case's variables (plan*). */
final class PlanVariables {

  private PlanVariables() {}

  static InstalmentPlan plan(VariableScope scope) {
    return InstalmentPlan.fromTerms(scope::getVariable);
  }
}
