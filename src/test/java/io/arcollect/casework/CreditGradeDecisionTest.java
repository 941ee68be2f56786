package io.arcollect.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The credit grade table that process owners edit in Modeler (processes/credit-grade.dmn), evaluated by
 * Camunda's DMN engine exactly as the process engine does.
 */
class CreditGradeDecisionTest {

  static final String RESOURCE = "processes/credit-grade.dmn";

  private static DmnEngine dmnEngine;
  private static DmnDecision creditGrade;

  @BeforeAll
  static void parseModel() throws IOException {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = resource(RESOURCE)) {
      creditGrade = dmnEngine.parseDecision("credit-grade", model);
    }
  }

  @ParameterizedTest(name = "{0} -> {8}")
  @CsvSource(delimiter = '|', textBlock = """
      # scenario                                    | paid | late | avgLate | p90 | dispute | exposure | oldest | grade
      reliable payer well within its limit         | 40   | 0.05 | 3.0     | 2   | 0.0     | 0.4      | 0      | A
      reliable payer without a credit limit        | 25   | 0.0  |         | 0   | 0.0     |          | 0      | A
      reliable payer with a small item 10 days due | 12   | 0.1  | 4.0     | 5   | 0.05    | 0.6      | 10     | A
      reliable payer using 90% of its limit        | 40   | 0.05 | 3.0     | 2   | 0.0     | 0.9      | 0      | B
      good payer whose oldest item is 20 days due  | 40   | 0.05 | 3.0     | 2   | 0.0     | 0.4      | 20     | B
      occasionally late payer                      | 30   | 0.2  | 8.0     | 10  | 0.02    | 0.5      | 5      | B
      new customer without payment history        | 0    |      |         |     |         | 0.3      | 0      | B
      new customer without history or limit        | 2    | 1.0  | 70.0    | 80  | 0.5     |          | 0      | B
      new customer already over its limit          | 1    | 0.0  |         | 0   | 0.0     | 1.2      | 0      | C
      new customer with an item 100 days overdue   | 1    | 0.0  |         | 0   | 0.0     | 0.2      | 100    | D
      often late payer                             | 20   | 0.4  | 12.0    | 25  | 0.0     | 0.5      | 10     | C
      sometimes quite late payer                   | 20   | 0.2  | 25.0    | 28  | 0.0     | 0.5      | 10     | C
      payer with a long tail of late invoices      | 50   | 0.12 | 15.0    | 35  | 0.0     | 0.5      | 10     | C
      customer disputing every fifth invoice       | 20   | 0.05 | 3.0     | 3   | 0.2     | 0.5      | 0      | C
      customer slightly over its limit             | 40   | 0.05 | 3.0     | 2   | 0.0     | 1.1      | 0      | C
      good payer with an item 60 days overdue      | 40   | 0.05 | 3.0     | 2   | 0.0     | 0.5      | 60     | C
      chronic late payer                           | 30   | 0.7  | 20.0    | 40  | 0.0     | 0.5      | 10     | D
      often and very late payer                    | 30   | 0.3  | 50.0    | 45  | 0.0     | 0.5      | 10     | D
      payer with one in ten invoices 2 months late | 30   | 0.2  | 20.0    | 65  | 0.0     | 0.5      | 10     | D
      customer disputing a third of its invoices   | 30   | 0.05 | 3.0     | 3   | 0.35    | 0.5      | 0      | D
      reliable payer far over its limit            | 40   | 0.05 | 3.0     | 2   | 0.0     | 1.6      | 0      | D
      chronic late payer without a credit limit    | 30   | 0.7  | 20.0    | 40  | 0.0     |          | 10     | D
      reliable payer with an item 95 days overdue  | 40   | 0.0  |         | 0   | 0.0     |          | 95     | D
      """)
  void gradesCustomerFromPaymentBehaviourExposureAndOldestItem(String scenario, Integer paidInvoiceCount,
      Double latePaymentShare, Double averageDaysLate, Integer p90DaysLate, Double disputeShare, Double exposureRatio,
      Integer oldestOpenDaysPastDue, String expectedGrade) {
    Map<String, Object> figures = new HashMap<>();
    figures.put("paidInvoiceCount", paidInvoiceCount);
    figures.put("latePaymentShare", latePaymentShare);
    figures.put("averageDaysLate", averageDaysLate);
    figures.put("p90DaysLate", p90DaysLate);
    figures.put("disputeShare", disputeShare);
    figures.put("exposureRatio", exposureRatio);
    figures.put("oldestOpenDaysPastDue", oldestOpenDaysPastDue);

    String grade = dmnEngine.evaluateDecisionTable(creditGrade, figures).getSingleEntry();

    assertThat(grade).as(scenario).isEqualTo(expectedGrade);
  }

  @Test
  void customerWithoutCreditLimitMayLeaveExposureRatioOut() {
    Map<String, Object> figures = new HashMap<>();
    figures.put("paidInvoiceCount", 40);
    figures.put("latePaymentShare", 0.0);
    figures.put("averageDaysLate", null);
    figures.put("p90DaysLate", 0);
    figures.put("disputeShare", 0.0);
    figures.put("oldestOpenDaysPastDue", 0);

    String grade = dmnEngine.evaluateDecisionTable(creditGrade, figures).getSingleEntry();

    assertThat(grade).isEqualTo("A");
  }

  @Test
  void modelKeepsTheColumnNamesTheApplicationFillsIn() throws IOException {
    Decision decision = decision(RESOURCE, "credit-grade");
    DecisionTable table = (DecisionTable) decision.getExpression();

    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat(decision.getCamundaHistoryTimeToLiveString()).isEqualTo("P3650D");
    assertThat(inputExpressions(table)).containsExactly(
        "paidInvoiceCount", "latePaymentShare", "averageDaysLate", "p90DaysLate",
        "disputeShare", "exposureRatio", "oldestOpenDaysPastDue");
    assertThat(outputNames(table)).containsExactly("creditGrade");
  }

  static Decision decision(String resource, String key) throws IOException {
    try (InputStream model = resource(resource)) {
      DmnModelInstance instance = Dmn.readModelFromStream(model);
      return instance.getModelElementById(key);
    }
  }

  static List<String> inputExpressions(DecisionTable table) {
    return table.getInputs().stream().map(Input::getInputExpression).map(e -> e.getText().getTextContent().trim()).toList();
  }

  static List<String> outputNames(DecisionTable table) {
    return table.getOutputs().stream().map(Output::getName).toList();
  }

  static InputStream resource(String name) {
    InputStream stream = CreditGradeDecisionTest.class.getClassLoader().getResourceAsStream(name);
    if (stream == null) {
      throw new IllegalStateException(name + " is not on the test classpath");
    }
    return stream;
  }
}
