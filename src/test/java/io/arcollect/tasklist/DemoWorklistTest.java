package io.arcollect.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.casework.AgingSweep;
import io.arcollect.testsupport.TestDatabase;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worklist on the demo as a new team sees it on first start (demo data, its cases opened by the sweep): the
 * twelve balances of USD 27.84-104.52 get the automatic reminders and no call task; the key account's USD 28,300
 * tops every call task with less money at stake.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "arcollect.demo.data=true", "arcollect.demo.open-cases=false"})
@ActiveProfiles({"demo", "test"})
class DemoWorklistTest {

  /** The demo's key account: Meridian Hotels plc, two invoices of USD 18,900 and 9,400 overdue. */
  private static final String KEY_ACCOUNT = "SHOW-0003";

  @DynamicPropertySource
  static void demoDatabase(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> TestDatabase.freshDatabaseUrl("worklist_demo"));
  }

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired AgingSweep sweep;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void smallBalancesGetRemindersNotCallsAndTheLargeKeyAccountTopsTheCallList() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.now().atTime(9, 0).atZone(ZoneId.of("UTC")).toInstant()));
    assertThat(sweep.run().casesOpened()).isGreaterThan(10);
    for (int round = 0; round < 10; round++) {
      var due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        break;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }

    List<Map<String, Object>> small = jdbc.queryForList("""
        select case_number, customer_account, outstanding_amount from collection_cases
         where status = 'OPEN' and outstanding_amount < 150 order by outstanding_amount""");
    assertThat(small).as("the demo's small balances").hasSize(12);
    assertThat(((Number) small.get(0).get("outstanding_amount")).doubleValue()).isEqualTo(27.84);
    for (Map<String, Object> c : small) {
      String caseNumber = (String) c.get("case_number");
      ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
          .processDefinitionKey("collection-case").singleResult();
      assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).list())
          .as("no call task for " + c.get("customer_account") + ", USD " + c.get("outstanding_amount")).isEmpty();
      assertThat(runtime.getActiveActivityIds(instance.getId())).as(caseNumber).containsExactly("Timer_FollowUpDue");
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
          .activityId("Task_SendFriendlyReminder").count()).as("the reminder email of " + caseNumber).isOne();
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
          .activityId("Task_InitialContact").count()).isZero();
    }

    String keyCase = jdbc.queryForObject("select case_number from collection_cases where customer_account = ? and status = 'OPEN'",
        String.class, KEY_ACCOUNT);
    Task keyCall = tasks.createTaskQuery().processInstanceBusinessKey(keyCase).taskDefinitionKey("Task_InitialContact")
        .singleResult();
    assertThat(keyCall.getName()).contains("Meridian Hotels plc", "USD 28,300.00");
    List<Task> calls = tasks.createTaskQuery().taskDefinitionKey("Task_InitialContact").orderByTaskPriority().desc().list();
    for (Task other : calls) {
      double outstanding = ((Number) runtime.getVariable(other.getProcessInstanceId(), "outstandingAmount")).doubleValue();
      if (outstanding < 28_300) {
        assertThat(keyCall.getPriority()).as("28,300 above " + other.getName()).isGreaterThan(other.getPriority());
      }
    }
    // and above what the small balances' cases would have had
    for (Map<String, Object> c : small) {
      String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey((String) c.get("case_number"))
          .processDefinitionKey("collection-case").singleResult().getId();
      assertThat(keyCall.getPriority()).isGreaterThan((Integer) runtime.getVariable(instance, "taskPriority"));
    }
  }
}
