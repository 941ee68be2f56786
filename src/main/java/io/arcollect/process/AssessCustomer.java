package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * collection-case.bpmn, "Assess customer": the facts the credit grade and the strategy decide on. Those that only
 * the two decisions read, in the same transaction (no wait state between), are transient: not stored as process
 * variables (three rows each: runtime, history, history detail) — the decisions' history keeps them as their inputs
 * (the case trail shows them there). Tier and days past due are read later from the records as they are then (task
 * forms and list columns, worklist.dmn). The rest (customer, amounts, four-eyes threshold) the model, forms and
 * listeners read later and stay variables of the case.
 */
@Component("assessCustomer")
class AssessCustomer implements JavaDelegate {

  /** Read by credit-grade.dmn and collection-strategy.dmn only, right after this step. */
  static final Set<String> DECISION_INPUTS_ONLY = Set.of("paidInvoiceCount", "latePaymentShare", "averageDaysLate",
      "p90DaysLate", "disputeShare", "exposureRatio", "oldestOpenDaysPastDue", "industry", "accountOwner",
      "overdueAmount", "companyCurrency", "cashPosition", "customerTier", "daysPastDue");

  private final CaseProgress progress;

  AssessCustomer(CaseProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    for (Map.Entry<String, Object> fact : progress.assess(CaseVariables.caseNumber(execution)).entrySet()) {
      if (DECISION_INPUTS_ONLY.contains(fact.getKey())) {
        execution.setVariable(fact.getKey(), Variables.untypedValue(fact.getValue(), true));
      } else {
        execution.setVariable(fact.getKey(), fact.getValue());
      }
    }
    execution.setVariable("planRunning", false);
  }
}
