package io.arcollect.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@ArcollectSpringBootTest
class AgingSweepTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired AgingSweep sweep;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void twoThousandOverdueAccountsGetOneCaseEachAndSweepingAgainOpensNoMore() {
    overdueAccounts("SW1-", 2000);

    ResponseEntity<Map> first = rest.withBasicAuth("frank", "frank").postForEntity("/api/aging-sweep", null, Map.class);

    assertThat(first.getStatusCode().value()).isEqualTo(200);
    assertThat((Integer) first.getBody().get("casesOpened")).isGreaterThanOrEqualTo(2000);
    assertThat(openCasesPerAccount("SW1-")).hasSize(2000).allSatisfy(count -> assertThat(count).isEqualTo(1));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CaseOpening.PROCESS_KEY)
        .processInstanceBusinessKeyLike("CASE-%").count()).isGreaterThanOrEqualTo(2000);

    assertThat(sweep.run().casesOpened()).isZero();
    assertThat(openCasesPerAccount("SW1-")).hasSize(2000).allSatisfy(count -> assertThat(count).isEqualTo(1));
  }

  @Test
  void twoSweepsAtTheSameTimeOpenEachCaseOnce() {
    sweep.run();
    overdueAccounts("SW2-", 300);
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<AgingSweep.Result>> sweeps = new ArrayList<>();
    for (int node = 0; node < 2; node++) {
      sweeps.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return sweep.run();
      }));
    }
    start.countDown();
    int opened = sweeps.stream().map(CompletableFuture::join).mapToInt(AgingSweep.Result::casesOpened).sum();

    assertThat(opened).isEqualTo(300);
    assertThat(openCasesPerAccount("SW2-")).hasSize(300).allSatisfy(count -> assertThat(count).isEqualTo(1));
  }

  @Test
  void aNewOverdueInvoiceJoinsTheOpenCaseOfItsAccount() {
    overdueAccounts("SW3-", 1);
    sweep.run();
    long customerId = jdbc.queryForObject("select id from customers where account_number = 'SW3-0000'", Long.class);
    jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, currency, status) "
        + "values ('SW3-LATE', ?, ?, ?, 80, 80, 'USD', 'OPEN')", customerId, Date.valueOf(LocalDate.now().minusDays(40)),
        Date.valueOf(LocalDate.now().minusDays(3)));

    AgingSweep.Result result = sweep.run();

    assertThat(result.casesOpened()).isZero();
    assertThat(result.invoicesJoined()).isEqualTo(1);
    Map<String, Object> theCase = jdbc.queryForMap("select id, outstanding_amount from collection_cases where customer_account = 'SW3-0000'");
    assertThat(new java.math.BigDecimal(theCase.get("outstanding_amount").toString())).isEqualByComparingTo("180");
    assertThat(jdbc.queryForObject("select count(*) from case_invoices where case_id = ?", Long.class, theCase.get("id")))
        .isEqualTo(2);
  }

  @Test
  void theTimerStartedSweepProcessRunsTheSweep() {
    overdueAccounts("SW4-", 3);
    Job timer = management.createJobQuery().processDefinitionKey("aging-sweep").timers().singleResult();
    assertThat(timer).as("the daily timer is scheduled").isNotNull();

    management.executeJob(timer.getId());
    ProcessInstance sweepRun = runtime.createProcessInstanceQuery().processDefinitionKey("aging-sweep").singleResult();
    assertThat(sweepRun).isWaitingAt("Task_OpenCases");
    execute(job());

    assertThat(sweepRun).isEnded().variables().containsEntry("invoicesJoined", 0);
    assertThat(openCasesPerAccount("SW4-")).hasSize(3);
  }

  @Test
  void theSweepGradesCreditForCaseOpeningWithoutHistoryOfItsOwnTheOpenedCaseGradesWithIts() {
    overdueAccounts("SW5-", 3);
    Set<String> gradesBefore = decisionIds("credit-grade");
    Set<String> openingsBefore = decisionIds(CaseOpeningDecision.DECISION_KEY);

    assertThat(sweep.run().casesOpened()).isGreaterThanOrEqualTo(3);

    // the case's "Grade credit" evaluates the same inputs again, with its history in the case's trail
    Set<String> cases = new HashSet<>(jdbc.queryForList("select process_instance_id from collection_cases "
        + "where customer_account like 'SW5-%'", String.class));
    assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("credit-grade").list())
        .filteredOn(grade -> !gradesBefore.contains(grade.getId()))
        .allSatisfy(grade -> assertThat(grade.getProcessInstanceId()).as("a grade outside a case").isIn(cases));
    // the opening decision keeps its history, with the grade the sweep worked out as its input
    List<HistoricDecisionInstance> openings = history.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(CaseOpeningDecision.DECISION_KEY).includeInputs().includeOutputs().list().stream()
        .filter(opening -> !openingsBefore.contains(opening.getId())).toList();
    assertThat(openings).hasSizeGreaterThanOrEqualTo(3).allSatisfy(opening -> {
      assertThat(opening.getInputs()).anySatisfy(input -> {
        assertThat(input.getClauseName()).isEqualTo("Credit grade (A-D)");
        assertThat(input.getValue()).isEqualTo("B");
      });
      assertThat(opening.getOutputs()).singleElement().satisfies(output ->
          assertThat(output.getValue()).isEqualTo("OPEN_CASE"));
    });
  }

  private Set<String> decisionIds(String key) {
    return history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(key).list().stream()
        .map(HistoricDecisionInstance::getId).collect(java.util.stream.Collectors.toSet());
  }

  private void overdueAccounts(String prefix, int count) {
    List<Object[]> customers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      customers.add(new Object[] {prefix + String.format("%04d", i), "Sweep Customer " + prefix + i});
    }
    jdbc.batchUpdate("insert into customers (account_number, name, tier, currency, language, time_zone) "
        + "values (?, ?, 'SMALL', 'USD', 'en', 'Europe/Berlin')", customers);
    jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, currency, status) "
        + "select concat('INV-', account_number), id, ?, ?, 100, 100, 'USD', 'OPEN' from customers where account_number like ?",
        Date.valueOf(LocalDate.now().minusDays(60)), Date.valueOf(LocalDate.now().minusDays(30)), prefix + "%");
  }

  private List<Long> openCasesPerAccount(String prefix) {
    return jdbc.queryForList("select count(*) from customers c join collection_cases k on k.customer_id = c.id "
        + "and k.status = 'OPEN' where c.account_number like ? group by c.id", Long.class, prefix + "%");
  }
}
