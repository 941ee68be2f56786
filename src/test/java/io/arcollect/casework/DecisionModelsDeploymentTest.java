package io.arcollect.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Both decision models deploy into a real process engine, which refuses models without history
 * time-to-live, and the DRD evaluates through the engine's DecisionService as a process would call it.
 */
class DecisionModelsDeploymentTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("dmn-test.camunda.cfg.xml")
      .build();

  /**
   * The engine registers itself JVM-wide; left open, it would sit beside the Spring Boot application's
   * engine and make engine look-ups by the process tests (BpmnAwareTests) ambiguous.
   */
  @AfterAll
  static void closeEngine() {
    engine.getProcessEngine().close();
  }

  @Test
  @Deployment(resources = {CreditGradeDecisionTest.RESOURCE, CollectionStrategyDecisionTest.RESOURCE})
  void strategyDecisionDeploysWithHistoryRetentionAndEvaluatesInTheEngine() {
    RepositoryService repository = engine.getRepositoryService();
    DecisionService decisions = engine.getDecisionService();
    HistoryService history = engine.getHistoryService();

    List<DecisionDefinition> deployed = repository.createDecisionDefinitionQuery().orderByDecisionDefinitionKey().asc().list();
    assertThat(deployed).extracting(DecisionDefinition::getKey)
        .containsExactly("collection-strategy", "credit-grade", "industry-risk", "large-amount");
    assertThat(deployed).extracting(DecisionDefinition::getHistoryTimeToLive).containsOnly(3650);

    String grade = decisions.evaluateDecisionByKey("credit-grade")
        .variables(Variables.createVariables()
            .putValue("paidInvoiceCount", 30)
            .putValue("latePaymentShare", 0.7)
            .putValue("averageDaysLate", 20.0)
            .putValue("p90DaysLate", 40)
            .putValue("disputeShare", 0.0)
            .putValue("exposureRatio", null)
            .putValue("oldestOpenDaysPastDue", 10))
        .evaluate()
        .getSingleEntry();
    DmnDecisionResult strategy = decisions.evaluateDecisionByKey("collection-strategy")
        .variables(Variables.createVariables()
            .putValue("creditGrade", grade)
            .putValue("customerTier", "STANDARD")
            .putValue("daysPastDue", 30)
            .putValue("overdueAmount", 12_500.0)
            .putValue("industry", "Construction")
            .putValue("cashPosition", "TIGHT")
            .putValue("companyCurrency", "EUR"))
        .evaluate();

    assertThat(grade).isEqualTo("D");
    assertThat(strategy.getSingleResult().getEntryMap())
        .containsEntry("strategyName", "HIGH_RISK_ESCALATION")
        .containsEntry("owningDepartment", "finance")
        .containsEntry("daysToFormalNotice", 7)
        .containsEntry("daysToLegalReferral", 21);

    HistoricDecisionInstance industryRisk = history.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("industry-risk").includeOutputs().singleResult();
    assertThat(industryRisk.getOutputs()).singleElement()
        .satisfies(output -> assertThat(output.getValue()).isEqualTo("HIGH"));
    HistoricDecisionInstance evaluated = history.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("collection-strategy").singleResult();
    assertThat(evaluated.getRemovalTime()).as("history is removed after ten years").isNotNull();
    assertThat(Duration.between(evaluated.getEvaluationTime().toInstant(), evaluated.getRemovalTime().toInstant()).toDays())
        .isCloseTo(3650L, within(1L));
  }
}
