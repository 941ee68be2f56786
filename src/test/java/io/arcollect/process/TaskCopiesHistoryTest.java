package io.arcollect.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcollect.casework.CaseContext;
import io.arcollect.casework.CaseWorld;
import io.arcollect.casework.CaseWorld.Case;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17: the copies a task gets for its form and the Tasklist columns are on the task for the collector, but
 * write no history (TaskCopiesHistory); the case's own variables, which they copy, keep their full history. The
 * strategy decision's result reaches Apply strategy without being stored as a variable; its history has every output.
 */
@ArcollectSpringBootTest
class TaskCopiesHistoryTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ApplicationContext context;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired Clock clock;

  @Test
  void sallysFormHasTheCopiesButOnlyTheCaseVariablesHaveHistory() throws Exception {
    Case opened = new CaseWorld(context).openCase("STANDARD", "sally", "Software", 400, 600);
    String processInstanceId = opened.instance().getId();
    Task call = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();

    // what sally's form in Tasklist reads
    ResponseEntity<String> form = rest.withBasicAuth("sally", "sally")
        .getForEntity("/engine-rest/task/" + call.getId() + "/form-variables", String.class);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode variables = JSON.readTree(form.getBody());
    assertThat(variables.path("invoiceTable").path("value").asText()).contains(opened.account());
    assertThat(variables.path("caseNumber").path("value").asText()).isEqualTo(opened.number());
    assertThat(variables.path("customerTierDisplay").path("value").asText()).isNotBlank();
    assertThat(variables.path("outstandingDisplay").path("value").asText()).contains("1,000.00");

    Map<String, Object> local = tasks.getVariablesLocal(call.getId());
    assertThat(local.keySet()).as("the task's copies").containsAll(CaseContext.FOR_TASK)
        .contains("caseNumber", "customerName", "daysPastDue", "strategyName", "promiseStatus", "creditGradeDisplay");
    assertThat(TaskCopiesHistory.COPIES).as("every variable a task gets at creation is a listed copy")
        .containsAll(local.keySet());

    assertThat(history.createHistoricVariableInstanceQuery().taskIdIn(call.getId()).count()).as("copies' history").isZero();
    assertThat(history.createHistoricDetailQuery().taskId(call.getId()).count()).as("copies' history details").isZero();
    List<HistoricVariableInstance> caseNumber = history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName("caseNumber").list();
    assertThat(caseNumber).as("the case's own caseNumber").hasSize(1);
    assertThat(caseNumber.get(0).getTaskId()).isNull();
    assertThat(history.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates().list())
        .extracting(detail -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getVariableName())
        .contains("caseNumber", "customerName", "creditGrade", "strategyName", "outstandingAmount");
  }

  @Test
  void theStrategyIsAppliedFromTheDecisionsResultAndKeptInTheDecisionsHistory() {
    Case opened = new CaseWorld(context).openCase("STANDARD", "sally", "Software", 400, 600);
    String processInstanceId = opened.instance().getId();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName("strategy")
        .count()).as("no variable for the decision's result").isZero();
    var decision = history.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId)
        .decisionDefinitionKey("collection-strategy").includeOutputs().singleResult();
    Map<String, Object> outputs = new java.util.HashMap<>();
    decision.getOutputs().forEach(output -> outputs.put(output.getVariableName(), output.getValue()));
    assertThat(outputs).containsKeys("strategyName", "owningDepartment", "firstChannel", "talkingPoints", "followUpIntervalDays");
    // applied: the case has what the model and forms read
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName("strategyName")
        .singleResult().getValue()).isEqualTo(outputs.get("strategyName"));
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName("followUpIntervalDays").singleResult().getValue()).isEqualTo(outputs.get("followUpIntervalDays"));
  }

  @Test
  void theCaseKeepsAsVariablesWhatTheModelReadsTierAndDaysPastDueComeFromTheRecords() {
    Case opened = new CaseWorld(context).openCase("STANDARD", "sally", "Software", 400, 600);
    String processInstanceId = opened.instance().getId();

    Map<String, Object> variables = runtime.getVariables(processInstanceId);
    assertThat(variables).as("read by the model, forms and listeners")
        .containsKeys("caseNumber", "customerName", "creditGrade", "strategyName", "owningDepartment", "workWithinDays",
            "followUpIntervalDays", "outstandingAmount", "taskPriority", "fourEyesThreshold");
    assertThat(variables).as("read by the decisions in the first step only, or from the records")
        .doesNotContainKeys("customerTier", "daysPastDue", "maxFollowUps", "followUpCount", "strategy", "industry",
            "daysToFormalNotice", "daysToLegalReferral");
    var outputs = history.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId)
        .decisionDefinitionKey("collection-strategy").includeOutputs().singleResult().getOutputs();
    Map<String, Object> escalation = jdbc.queryForMap("select days_to_formal_notice, days_to_legal_referral "
        + "from collection_cases where case_number = ?", opened.number());
    assertThat(outputs).as("the strategy's escalation days are on the case record")
        .anySatisfy(output -> {
          assertThat(output.getVariableName()).isEqualTo("daysToFormalNotice");
          assertThat(((Number) escalation.get("days_to_formal_notice")).intValue()).isEqualTo(output.getValue());
        })
        .anySatisfy(output -> {
          assertThat(output.getVariableName()).isEqualTo("daysToLegalReferral");
          assertThat(((Number) escalation.get("days_to_legal_referral")).intValue()).isEqualTo(output.getValue());
        });

    Task call = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    LocalDate today = LocalDate.now(clock);
    int oldest = jdbc.queryForList("select i.due_date from invoices i join case_invoices ci on ci.invoice_id = i.id "
        + "join collection_cases c on c.id = ci.case_id where c.case_number = ?", java.sql.Date.class, opened.number())
        .stream().mapToInt(due -> (int) ChronoUnit.DAYS.between(due.toLocalDate(), today)).max().orElseThrow();
    assertThat(oldest).isPositive();
    assertThat(tasks.getVariableLocal(call.getId(), "daysPastDue")).as("the list column, of today's open invoices")
        .isEqualTo(oldest);
    assertThat((String) tasks.getVariableLocal(call.getId(), "customerTierDisplay")).startsWith("Standard");
  }

  @Test
  void noSubmittedFieldIsStoredAsACopy() throws Exception {
    // a value completed with a task's local variable's name would be stored on the task, without history
    for (String step : SubmissionRules.steps()) {
      assertThat(SubmissionRules.of(step)).extracting(SubmissionRules.Field::name).as(step)
          .doesNotContainAnyElementsOf(TaskCopiesHistory.COPIES);
    }
    List<String> editable = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
        JSON.readTree(form.toFile()).findParents("key").forEach(field -> {
          if (TaskCopiesHistory.COPIES.contains(field.path("key").asText()) && !field.path("disabled").asBoolean()) {
            editable.add(form.getFileName() + ": " + field.path("key").asText());
          }
        });
      }
    }
    assertThat(editable).as("form fields that would submit a copy (display fields are disabled)").isEmpty();
  }

  @Test
  void theDatabaseKeepsHistoryLevelFull() {
    assertThat(engine.getHistoryLevel()).isInstanceOf(TaskCopiesHistory.Level.class);
    assertThat(engine.getHistoryLevel().getId()).isEqualTo(3);
    assertThat(engine.getHistoryLevel().getName()).isEqualTo("full");
    assertThat(jdbc.queryForObject("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'historyLevel'", String.class))
        .isEqualTo("3");
  }
}
