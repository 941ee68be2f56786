package io.arcollect.process;

import io.arcollect.casework.InstalmentPlan;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The instalment plan as finance recorded it in the case's variables (plan*). */
final class PlanVariables {

  private PlanVariables() {}

  static InstalmentPlan plan(VariableScope scope) {
    return new InstalmentPlan(CaseVariables.amount(scope, "planTotal"), CaseVariables.amount(scope, "planDownPayment"),
        CaseVariables.number(scope, "planInstalmentCount", 0), LocalDate.parse(CaseVariables.text(scope, "planAgreedOn")),
        date(scope, "planFirstDueDate"), CaseVariables.number(scope, "planIntervalDays", 30));
  }

  private static LocalDate date(VariableScope scope, String name) {
    String text = CaseVariables.text(scope, name);
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("Enter the date of the first instalment");
    }
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }
}
