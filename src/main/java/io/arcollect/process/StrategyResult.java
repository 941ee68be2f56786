package io.arcollect.process;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.DecisionEvaluationUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * collection-case.bpmn, end of "Choose collection strategy": the decision's one result, as singleResult mapping would
 * give it, is handed to "Apply strategy" in {@code strategy} as a transient variable. A result variable would store
 * the map (a runtime row, a historic variable, two history details and their byte arrays) only for Apply strategy to
 * remove it in the same transaction; the decision's history keeps every output (issue 17).
 */
@Component("strategyResult")
class StrategyResult implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    // the business rule task's own scope holds the engine's transient decisionResult until it ends
    Object result = execution.getVariableLocal(DecisionEvaluationUtil.DECISION_RESULT_VARIABLE);
    Map<String, Object> strategy = result instanceof DmnDecisionResult decided && !decided.isEmpty()
        ? decided.getSingleResult().getEntryMap() : null;
    execution.setVariable("strategy", Variables.untypedValue(strategy, true));
  }
}
