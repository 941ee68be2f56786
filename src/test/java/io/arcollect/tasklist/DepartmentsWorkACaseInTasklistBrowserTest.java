package io.arcollect.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.casework.AgingSweep;
import io.arcollect.testsupport.BrowserScript;
import io.arcollect.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The people's side, end to end in a real browser on the demo (demo users and demo data, its cases opened by
 * the sweep as the demo does at start): sales claims a demo case's first call from "My department" and records a promise to pay; when the
 * promise is broken, finance approves the formal notice; after its deadline legal refers the case to the
 * lawyer; an auditor has nothing to work. Between the people's steps the test moves time and runs the jobs
 * the job executor would. Screenshots of every step: target/e2e/.
 *
 * <p>This application context has a database (with the demo) of its own; see
 * {@link io.arcollect.testsupport.ProcessEngineOfThisContext} for how the engines of the test contexts keep
 * out of each other's way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "arcollect.demo.data=true",
    // the test runs the demo's opening sweep itself: processes started while the context starts would escape
    // the process test coverage, which refuses them
    "arcollect.demo.open-cases=false"})
@ActiveProfiles({"demo", "test"})
@Tag("browser")
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class DepartmentsWorkACaseInTasklistBrowserTest {

  /** A showcase customer of the demo: a good payer with a slip, worked by sales (standard dunning). */
  private static final String CUSTOMER = "Brightwater Foods GmbH";

  /** A showcase key account of the demo, owned (and its calls worked) by sally. */
  private static final String KEY_CUSTOMER = "Meridian Hotels plc";

  @DynamicPropertySource
  static void demoDatabase(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> TestDatabase.freshDatabaseUrl("e2e_demo"));
  }

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired AgingSweep sweep;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void salesFinanceAndLegalWorkADemoCaseInTasklistAndAnAuditorHasNoTasks() throws Exception {
    // mid-morning, so the contact policy's quiet hours never hold the letter back, whenever the test runs
    ClockUtil.setCurrentTime(Date.from(today().atTime(9, 0).atZone(ZoneId.of("UTC")).toInstant()));
    assertThat(sweep.run().casesOpened()).as("the demo's overdue accounts").isGreaterThan(10);
    management.createJobQuery().executable().list().forEach(job -> management.executeJob(job.getId()));
    Task call = tasks.createTaskQuery().taskDefinitionKey("Task_InitialContact").taskCandidateGroup("sales")
        .taskNameLike("%" + CUSTOMER + "%").singleResult();
    assertThat(call).as("the demo opened the showcase customer's case for sales").isNotNull();
    assertThat(call.getName()).isEqualTo("Initial contact: " + CUSTOMER + ", USD 12,050.00");
    assertThat(call.getDueDate()).as("due dates come from the strategy").isNotNull();
    assertThat(call.getPriority()).as("worklist.dmn points times 100 plus the amount's tie-breaker").isBetween(100, 10_099);
    String instance = call.getProcessInstanceId();
    String caseNumber = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();
    String account = jdbc.queryForObject("select customer_account from collection_cases where case_number = ?",
        String.class, caseNumber);
    LocalDate promised = today().plusDays(7);

    BrowserScript.run("sales-promise.mjs", port, Map.of("CUSTOMER", CUSTOMER, "INVOICE", account + "-1",
        "PROMISED_AMOUNT", "12050", "PROMISED_DATE", promised.format(DateTimeFormatter.ofPattern("MM/dd/yyyy"))));

    assertThat(runtime.getVariable(instance, "contactOutcome")).isEqualTo("PROMISE_TO_PAY");
    assertThat(runtime.getVariable(instance, "promisedDate")).isEqualTo(promised.toString());
    assertThat(jdbc.queryForList("select outcome from contact_log where case_number = ? and user_id = 'sally'", String.class,
        caseNumber)).containsExactly("PROMISE_TO_PAY");

    // no money arrives: the promise is broken, and the follow-up call is refused
    passTimer("Timer_PromisedDate", instance);
    completeAs("sally", instance, Map.of("contactOutcome", "REFUSES", "notes", "Will not pay before the audit"));
    assertThat(tasks.createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_ApproveDemandLetter");

    BrowserScript.run("finance-notice.mjs", port, Map.of("CUSTOMER", CUSTOMER));

    runJobs(instance);
    assertThat(jdbc.queryForObject("select count(*) from case_documents where case_number = ? and kind = 'FORMAL_NOTICE'",
        Integer.class, caseNumber)).as("the letter is stored with the case").isOne();
    passTimer("Timer_NoticeDeadline", instance);
    assertThat(runtime.getActiveActivityIds(instance)).containsExactly("Task_ReviewLegalDossier");

    BrowserScript.run("legal-referral.mjs", port, Map.of("CUSTOMER", CUSTOMER));

    assertThat(jdbc.queryForObject("select outcome from collection_cases where case_number = ?", String.class, caseNumber))
        .isEqualTo("REFERRED_TO_LEGAL");

    BrowserScript.run("auditor.mjs", port);
    BrowserScript.run("case-history.mjs", port, Map.of("CASE_NUMBER", caseNumber, "CUSTOMER", CUSTOMER));
    assertThat(Files.size(Path.of("target", "e2e", "case-history-audrey.pdf"))).as("the downloaded PDF").isGreaterThan(20_000);

    // the customer file: sally logs an inbound call on the key account's case while its first call waits, then reads
    // (and records a promise on) the file of a Chinese customer in a Chinese browser
    Task keyCall = tasks.createTaskQuery().taskDefinitionKey("Task_InitialContact").taskAssignee("sally")
        .taskNameLike("%" + KEY_CUSTOMER + "%").singleResult();
    assertThat(keyCall).as("the key account's call waits for its owner").isNotNull();
    String keyCase = runtime.createProcessInstanceQuery().processInstanceId(keyCall.getProcessInstanceId()).singleResult()
        .getBusinessKey();
    String notes = "Priya Shah called back: the payment run is next Friday";
    BrowserScript.run("customer-file.mjs", port, Map.of("CUSTOMER", KEY_CUSTOMER, "ACCOUNT", "SHOW-0003",
        "CASE_NUMBER", keyCase, "ZH_ACCOUNT", "SHOW-0002", "NOTES", notes,
        "PROMISED_DATE", today().plusDays(3).toString()));
    assertThat(tasks.createTaskQuery().taskId(keyCall.getId()).count()).as("the call task stays open").isOne();
    assertThat(jdbc.queryForList("select user_id from contact_log where case_number = ? and template = 'ad-hoc-call' "
        + "and notes = ?", String.class, keyCase, notes)).containsExactly("sally");
    assertThat(jdbc.queryForList("select p.amount from promises_to_pay p join collection_cases c on c.case_number = "
        + "p.case_number where c.customer_account = 'SHOW-0002' and c.status = 'OPEN'", java.math.BigDecimal.class))
        .singleElement().satisfies(amount -> assertThat(amount).isEqualByComparingTo("5000"));

    // the server checks what Tasklist sends: a promise of an absurd amount, and one without its date (the form asks
    // for it; a client that skips the form's checks gets the server's refusal), are refused in words next to the
    // form; the call stays open and nothing of the case changes
    String contactsBefore = jdbc.queryForObject("select count(*) || '/' || (select count(*) from promises_to_pay where "
        + "case_number = ?) from contact_log where case_number = ?", String.class, keyCase, keyCase);
    BrowserScript.run("sales-promise-refused.mjs", port, Map.of("CUSTOMER", KEY_CUSTOMER, "ABSURD_AMOUNT", "1000000000",
        "PROMISED_DATE", today().plusDays(5).format(DateTimeFormatter.ofPattern("MM/dd/yyyy"))));
    assertThat(tasks.createTaskQuery().taskId(keyCall.getId()).count()).as("the refused call stays open").isOne();
    assertThat(jdbc.queryForObject("select count(*) || '/' || (select count(*) from promises_to_pay where "
        + "case_number = ?) from contact_log where case_number = ?", String.class, keyCase, keyCase))
        .as("no contact and no promise recorded").isEqualTo(contactsBefore);

    for (String step : List.of("1-sales-my-department", "2-sales-case-context", "3-sales-promise-to-pay",
        "5-finance-approve-demand-letter", "7-legal-dossier", "8-legal-referral", "9-auditor-no-tasks",
        "case-history-audrey", "customer-file-sally", "customer-file-sally-call-logged", "customer-file-zh",
        "refused-1-absurd-amount", "refused-1b-amount-1e308", "refused-2-no-date-form", "refused-3-no-date-server")) {
      assertThat(Files.size(Path.of("target", "e2e", step + ".png"))).as(step).isGreaterThan(20_000);
    }
  }

  /**
   * The collections desk (e2e/desk.mjs, desk-four-eyes.mjs) on other demo cases than the one above: sally unclaims a
   * call, the finance lead fred gives frank's task to fiona, frank records a plan above the four-eyes threshold
   * and Tasklist refuses his claim of its approval in words, fiona approves it; the lists show the case columns.
   */
  @Test
  @org.junit.jupiter.api.Order(2)
  void theDeskUnclaimsReassignsAndKeepsFourEyesInTasklist() throws Exception {
    ClockUtil.setCurrentTime(Date.from(today().atTime(9, 0).atZone(ZoneId.of("UTC")).toInstant()));
    if (runtime.createProcessInstanceQuery().processDefinitionKey("collection-case").count() == 0) {
      sweep.run();
      management.createJobQuery().executable().list().forEach(job -> management.executeJob(job.getId()));
    }
    List<String> taken = List.of(CUSTOMER, "杭州明远机械有限公司", "Meridian Hotels plc");
    Task unclaim = tasks.createTaskQuery().taskCandidateGroup("sales").includeAssignedTasks()
        .orderByTaskPriority().asc().list().stream()
        .filter(t -> !t.getName().contains(CUSTOMER) && !t.getName().contains("Meridian Hotels plc")).findFirst()
        .orElseThrow(() -> new AssertionError("the demo has a sales task"));
    tasks.setAssignee(unclaim.getId(), null); // a key account's call starts with its owner: sally claims it herself
    Task financeTask = tasks.createTaskQuery().taskCandidateGroup("finance").taskUnassigned()
        .orderByTaskPriority().asc().list().stream().filter(t -> taken.stream().noneMatch(t.getName()::contains))
        .findFirst().orElseThrow(() -> new AssertionError("the demo has a finance task; open tasks: "
            + tasks.createTaskQuery().list().stream().map(t -> t.getName() + " [" + t.getAssignee() + "]").toList()
            + "; cases: " + runtime.createProcessInstanceQuery().processDefinitionKey("collection-case").count()));
    asUser("frank", () -> tasks.claim(financeTask.getId(), "frank"));

    // the key account above the four-eyes threshold: its owner hears of hardship, finance records a plan
    Task meridian = tasks.createTaskQuery().taskDefinitionKey("Task_InitialContact")
        .taskNameLike("%Meridian Hotels plc%").singleResult();
    assertThat(meridian).as("the demo's key account call").isNotNull();
    String instance = meridian.getProcessInstanceId();
    asUser(meridian.getAssignee(), () -> tasks.complete(meridian.getId(),
        Map.of("contactOutcome", "HARDSHIP", "notes", "Season starts in spring; asks for instalments")));
    runJobs(instance);
    Task record = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(record.getTaskDefinitionKey()).isEqualTo("Task_RecordInstalmentPlan");

    BrowserScript.run("desk.mjs", port, Map.of(
        "UNCLAIM_TASK_ID", unclaim.getId(), "UNCLAIM_TASK_NAME", unclaim.getName(),
        "REASSIGN_TASK_ID", financeTask.getId(), "REASSIGN_TASK_NAME", financeTask.getName(),
        "PLAN_TASK_ID", record.getId(), "PLAN_DOWN_PAYMENT", "4300",
        "PLAN_FIRST_DUE", today().plusDays(30).format(DateTimeFormatter.ofPattern("MM/dd/yyyy"))));

    assertThat(tasks.createTaskQuery().taskId(unclaim.getId()).singleResult().getAssignee()).as("sally unclaimed").isNull();
    assertThat(tasks.createTaskQuery().taskId(financeTask.getId()).singleResult().getAssignee())
        .as("fred reassigned frank's task").isEqualTo("fiona");
    Task approval = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(approval.getTaskDefinitionKey()).as("above the threshold: a second approver").isEqualTo("Task_ApproveInstalmentPlan");
    assertThat(runtime.getVariable(instance, "planRecordedBy")).isEqualTo("frank");

    BrowserScript.run("desk-four-eyes.mjs", port, Map.of("APPROVAL_TASK_ID", approval.getId()));

    String caseNumber = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();
    assertThat(jdbc.queryForList("select user_id from contact_log where case_number = ? and outcome = 'REFUSED'",
        String.class, caseNumber)).as("frank's attempt is in the contact log").containsExactly("frank");
    assertThat(runtime.getVariable(instance, "planApproval")).isEqualTo("APPROVED");
    assertThat(runtime.getVariable(instance, "planApprovedBy")).isEqualTo("fiona");
    for (String step : List.of("desk-1-sales-list-columns", "desk-2-sales-unclaimed", "desk-3-finance-lead-reassigned",
        "desk-4-frank-records-plan", "desk-5-frank-four-eyes-refused", "desk-6-fiona-approves-plan")) {
      assertThat(Files.size(Path.of("target", "e2e", step + ".png"))).as(step).isGreaterThan(20_000);
    }
  }

  private void asUser(String user, Runnable work) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  private void completeAs(String user, String instance, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
    try {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), new HashMap<>(variables));
    } finally {
      identity.clearAuthentication();
    }
    runJobs(instance);
  }

  /** Moves Camunda's (and the business) clock past the case's timer and runs what became due in the case. */
  private void passTimer(String activityId, String instance) {
    Job timer = management.createJobQuery().processInstanceId(instance).activityId(activityId).timers().singleResult();
    assertThat(timer).as("the case waits at " + activityId).isNotNull();
    ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plus(Duration.ofMinutes(1))));
    runJobs(instance);
    // timers fire at night; people (and the contact policy) work in the morning
    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(Duration.ofHours(9))));
  }

  /** Runs what is due in the case and in the contacts it started (same business key: the case number). */
  private void runJobs(String instance) {
    String caseNumber = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();
    for (int round = 0; round < 20; round++) {
      List<Job> due = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
          .flatMap(process -> management.createJobQuery().processInstanceId(process.getId()).executable().list().stream())
          .toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.now().toInstant(), ZoneId.systemDefault());
  }
}
