package io.arcollect.process;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading the collection case's variables the same way in every delegate. */
final class CaseVariables {

  private CaseVariables() {}

  static String caseNumber(VariableScope scope) {
    return (String) scope.getVariable("caseNumber");
  }

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  static BigDecimal amount(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return value instanceof Number number ? new BigDecimal(number.toString()) : new BigDecimal(value.toString().trim());
  }

  /** The user whose action runs this step (the engine's authenticated user), null for a job. */
  static String currentUser(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  static int number(VariableScope scope, String name, int fallback) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return fallback;
    }
    return value instanceof Number number ? number.intValue() : Integer.parseInt(value.toString().trim());
  }
}
