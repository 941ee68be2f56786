package io.arcollect.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/worklist.dmn as process owners edit it, evaluated by Camunda's DMN engine: money first. */
class WorklistDecisionTest {

  static final String RESOURCE = "processes/worklist.dmn";

  private static DmnEngine dmnEngine;
  private static DmnDecision taskPriority;
  private static DmnDecision minimumCallBalance;

  @BeforeAll
  static void parseModel() throws IOException {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = new FileInputStream(RESOURCE)) {
      DmnDecisionRequirementsGraph drd = dmnEngine.parseDecisionRequirementsGraph(model);
      taskPriority = drd.getDecision("task-priority");
      minimumCallBalance = drd.getDecision("minimum-call-balance");
    }
  }

  @Test
  void aLargeKeyAccountBalanceOutranksEverySmallHighRiskBalance() {
    // the demo: USD 28,300 of a key account against twelve grade-D balances of USD 27.84-104.52
    int keyAccount = points(28_300, "B", 20);
    for (double small : new double[] {27.84, 49.37, 104.52}) {
      assertThat(keyAccount).as("28,300 against " + small).isGreaterThan(points(small, "D", 120));
    }
  }

  @ParameterizedTest(name = "{0} ({1}, {2} days) = {3} points")
  @CsvSource({
      "60000, A, 0, 60",
      "28300, B, 20, 60",
      "28300, D, 95, 90",
      "5000, C, 45, 62",
      "999.99, A, 29, 15",
      "27.84, D, 5, 25",
      "10, A, 0, 0"})
  void pointsAddUpFromAmountGradeAndAge(double amount, String grade, int days, int expected) {
    assertThat(points(amount, grade, days)).isEqualTo(expected);
  }

  @Test
  void moreMoneyNeverLowersThePoints() {
    int previous = -1;
    for (double amount : new double[] {0, 100, 250, 999, 1000, 4999, 5000, 19_999, 20_000, 49_999, 50_000, 1e7}) {
      int p = points(amount, "C", 40);
      assertThat(p).as("amount " + amount).isGreaterThanOrEqualTo(previous);
      previous = p;
    }
  }

  @ParameterizedTest(name = "{0}: calls from {1}")
  @CsvSource({"KEY, 0", "STANDARD, 150", "SMALL, 250", "UNKNOWN, 150"})
  void minimumBalanceForACallPerTier(String tier, double minimum) {
    Object result = dmnEngine.evaluateDecisionTable(minimumCallBalance, Variables.createVariables()
        .putValue("customerTier", tier)).getSingleResult().getSingleEntry();
    assertThat(((Number) result).doubleValue()).isEqualTo(minimum);
  }

  @Test
  void theDemosSmallestBalancesAreBelowTheMinimumOfTheirTier() {
    for (String tier : new String[] {"STANDARD", "SMALL"}) {
      Number minimum = dmnEngine.evaluateDecisionTable(minimumCallBalance, Variables.createVariables()
          .putValue("customerTier", tier)).getSingleResult().getSingleEntry();
      assertThat(minimum.doubleValue()).as(tier).isGreaterThan(104.52);
    }
  }

  private static int points(double amount, String grade, int days) {
    var result = dmnEngine.evaluateDecisionTable(taskPriority, Variables.createVariables()
        .putValue("amountAtStake", amount).putValue("creditGrade", grade).putValue("daysPastDue", days));
    Object sum = result.isEmpty() ? null : result.getSingleResult().getSingleEntry();
    return sum == null ? 0 : ((Number) sum).intValue();
  }
}
