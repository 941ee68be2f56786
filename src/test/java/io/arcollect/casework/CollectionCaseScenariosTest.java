package io.arcollect.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.arcollect.casework.CaseWorld.Case;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The collection case, path by path, on the whole application: real ledger, real payments through matching,
 * DMN strategy, Tasklist users. Time moves with Camunda's clock (the business clock follows it).
 */
@ArcollectSpringBootTest
@RecordApplicationEvents
class CollectionCaseScenariosTest {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired AgingSweep sweep;
  @Autowired CollectionCaseRepository cases;
  @Autowired ApplicationEvents events;
  @Autowired org.springframework.context.ApplicationContext context;
  private CaseWorld world;

  @BeforeEach
  void init() {
    world = new CaseWorld(context);
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(java.util.Date.from(START));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  @Test
  void standardAccountGetsAFriendlyReminderAndPaysAfterTheFirstCall() {
    Case c = openCase("STANDARD", null, "Software", 400, 600);

    assertThat(c.instance()).isWaitingAt("Task_InitialContact").task().hasCandidateGroup("sales");
    assertThat(c.instance()).hasPassed("Task_SendFriendlyReminder");
    assertThat(events.stream(ContactRequested.class)).anySatisfy(request -> {
      assertThat(request.caseNumber()).isEqualTo(c.number());
      assertThat(request.template()).isEqualTo("friendly-reminder");
    });
    assertThat(record(c).getStrategy()).isEqualTo("STANDARD_DUNNING");
    Task call = task(c);
    assertThat(tasks.getVariable(call.getId(), "invoiceTable").toString()).contains(c.account() + "-1", "USD 400.00 open");
    complete(c, "sally", Map.of("contactOutcome", "REACHED", "notes", "Will pay this week"));

    pay(c, "1000.00", c.account() + "-1 " + c.account() + "-2");

    assertThat(c.instance()).isEnded().hasPassed("EndEvent_Paid");
    assertThat(record(c).getStatus()).isEqualTo(CollectionCase.Status.CLOSED);
    assertThat(record(c).getOutcome()).isEqualTo("PAID");
    assertThat(contacts(c)).anySatisfy(contact -> {
      assertThat(contact.get("user_id")).isEqualTo("sally");
      assertThat(contact.get("outcome")).isEqualTo("REACHED");
      assertThat(contact.get("channel")).isEqualTo("PHONE");
      assertThat(contact.get("notes")).isEqualTo("Will pay this week");
    });
  }

  @Test
  void keyAccountGoesToItsOwnerAndAKeptPromiseLeadsToTheNextFollowUp() {
    Case c = openCase("KEY", "sally", "Software", 500, 500);

    assertThat(c.instance()).hasNotPassed("Task_SendFriendlyReminder");
    assertThat(task(c)).isAssignedTo("sally");
    complete(c, "sally", Map.of("contactOutcome", "PROMISE_TO_PAY", "promisedAmount", 600,
        "promisedDate", "2026-03-10"));
    assertThat(c.instance()).isWaitingAt("Timer_PromisedDate");

    pay(c, "600.00", c.account() + "-1 " + c.account() + "-2");
    assertThat(runtime.getVariable(c.instance().getId(), "outstandingAmount")).isEqualTo(400.0);
    passTimer(c, "Timer_PromisedDate");

    assertThat(c.instance()).hasPassed("Task_CheckPromise").isWaitingAt("Timer_FollowUpDue");
    assertThat(runtime.getVariable(c.instance().getId(), "promiseKept")).isEqualTo(true);
  }

  @Test
  void aBrokenPromiseComesBackToAFollowUpCall() {
    Case c = openCase("KEY", "sally", "Software", 500, 500);
    complete(c, "sally", Map.of("contactOutcome", "PROMISE_TO_PAY", "promisedAmount", 1000,
        "promisedDate", "2026-03-10"));

    passTimer(c, "Timer_PromisedDate");

    assertThat(runtime.getVariable(c.instance().getId(), "promiseKept")).isEqualTo(false);
    assertThat(c.instance()).isWaitingAt("Task_FollowUpCall");
    assertThat(record(c).getStage()).isEqualTo(CaseStage.INITIAL_CONTACT);
  }

  @Test
  void noAnswerLeadsThroughFollowUpsToAFormalNoticeAndPaymentThenEndsTheCaseAndLiftsTheCreditHold() {
    Case c = openCase("STANDARD", null, "Software", 400, 600);
    complete(c, "sally", Map.of("contactOutcome", "NO_ANSWER"));

    for (int round = 0; round < 6 && !isWaitingAt(c, "Task_ApproveDemandLetter"); round++) {
      passTimer(c, "Timer_FollowUpDue");
      if (isWaitingAt(c, "Task_FollowUpCall")) {
        assertThat(record(c).getStage()).isEqualTo(CaseStage.FOLLOW_UP);
        complete(c, "sally", Map.of("contactOutcome", "NO_ANSWER"));
      }
    }
    assertThat(c.instance()).hasPassed("Task_FollowUpCall", "Task_SendFollowUpReminder").isWaitingAt("Task_ApproveDemandLetter");
    assertThat(task(c)).hasCandidateGroup("finance");
    assertThat(record(c).getStage()).isEqualTo(CaseStage.FORMAL_NOTICE);

    complete(c, "frank", Map.of("demandLetterDecision", "APPROVED", "noticeDays", 10));
    runJobs(c);
    assertThat(c.instance()).isWaitingAt("Timer_NoticeDeadline");
    assertThat(creditHold(c)).isTrue();
    assertThat(events.stream(ContactRequested.class)).anySatisfy(request -> {
      assertThat(request.caseNumber()).isEqualTo(c.number());
      assertThat(request.channel()).isEqualTo("LETTER");
      assertThat(request.template()).isEqualTo("formal-notice");
    });

    pay(c, "1000.00", "Invoices " + c.account() + "-1, " + c.account() + "-2");

    assertThat(c.instance()).isEnded().hasPassed("Task_ClosePaid");
    assertThat(creditHold(c)).isFalse();
    assertThat(events.stream(CaseEvent.class).filter(e -> e.caseNumber().equals(c.number())).map(CaseEvent::type))
        .contains(CaseEvent.Type.CASE_OPENED, CaseEvent.Type.CREDIT_HOLD_PLACED, CaseEvent.Type.CREDIT_HOLD_RELEASED,
            CaseEvent.Type.CASE_CLOSED);
  }

  @Test
  void aCaseAssessedBeforeTheCaseRecordKeptTheEscalationDaysGoesByItsVariables() {
    Case recorded = openCase("STANDARD", null, "Software", 400, 600);
    Case older = openCase("STANDARD", null, "Software", 400, 600);
    assertThat(record(recorded).getDaysToFormalNotice()).as("the strategy's days, on the case record").isPositive();
    // as a case of an earlier version has them (before V152): variables, nothing on the record
    jdbc.update("update collection_cases set days_to_formal_notice = null, days_to_legal_referral = null "
        + "where case_number = ?", older.number());
    runtime.setVariable(older.instance().getId(), "daysToFormalNotice", 0);

    for (Case c : List.of(recorded, older)) {
      complete(c, "sally", Map.of("contactOutcome", "NO_ANSWER"));
      passTimer(c, "Timer_FollowUpDue");
    }

    assertThat(recorded.instance()).isWaitingAt("Task_FollowUpCall");
    assertThat(older.instance()).as("0 days to formal notice: due at once").isWaitingAt("Task_ApproveDemandLetter");
  }

  @Test
  void aRefusalGoesToFormalNoticeAndAnUnpaidDeadlineToLegalWhoHandOverToAnAgency() {
    Case c = openCase("STANDARD", null, "Software", 700, 800);
    complete(c, "sally", Map.of("contactOutcome", "REFUSES"));
    complete(c, "fiona", Map.of("demandLetterDecision", "APPROVED", "noticeDays", 14));
    runJobs(c);

    passTimer(c, "Timer_NoticeDeadline");
    assertThat(c.instance()).isWaitingAt("Task_ReviewLegalDossier");
    assertThat(task(c)).hasCandidateGroup("legal");
    assertThat(record(c).getStage()).isEqualTo(CaseStage.LEGAL_REFERRAL);
    complete(c, "larry", Map.of("legalDecision", "AGENCY", "notes", "Agency North"));

    assertThat(c.instance()).isEnded().hasPassed("Task_HandOverToAgency", "EndEvent_ReferredToAgency");
    assertThat(record(c).getOutcome()).isEqualTo("REFERRED_TO_AGENCY");
    assertThat(creditHold(c)).as("the credit hold stays while the agency collects").isTrue();
    sweep.run();
    assertThat(cases.findCustomersWithOpenCase(List.of(c.customerId()))).as("referred invoices are not chased again").isEmpty();
  }

  @Test
  void anInstalmentPlanAboveTheThresholdNeedsASecondFinanceApproverAndSettlesTheCaseWhenPaid() {
    Case c = openCase("STANDARD", null, "Software", 6000, 6000);
    complete(c, "sally", Map.of("contactOutcome", "HARDSHIP"));
    assertThat(c.instance()).isWaitingAt("Task_RecordInstalmentPlan");
    Map<String, Object> plan = Map.of("planDownPayment", 2000, "planInstalmentCount", 2,
        "planFirstDueDate", "2026-04-01", "planIntervalDays", 30);
    complete(c, "frank", plan);

    assertThat(c.instance()).isWaitingAt("Task_ApproveInstalmentPlan");
    String approval = task(c).getId();
    login("frank");
    assertThatThrownBy(() -> tasks.complete(approval, Map.of("planApproval", "APPROVED")))
        .hasMessageContaining("Four eyes");
    identity.clearAuthentication();
    complete(c, "fiona", Map.of("planApproval", "REJECTED"));
    assertThat(c.instance()).isWaitingAt("Task_RecordInstalmentPlan");
    complete(c, "frank", plan);
    complete(c, "fiona", Map.of("planApproval", "APPROVED"));

    ProcessInstance planRun = runtime.createProcessInstanceQuery().processDefinitionKey("payment-plan")
        .processInstanceBusinessKey(c.number()).singleResult();
    assertThat(planRun).isWaitingAt("Gateway_WaitForPayment");
    pay(c, "2000.00", c.account() + "-1");
    pay(c, "5000.00", c.account() + "-1 " + c.account() + "-2");
    assertThat(c.instance()).isActive();
    pay(c, "5000.00", c.account() + "-2");

    assertThat(planRun).isEnded().hasPassed("EndEvent_PlanCompleted");
    assertThat(c.instance()).isEnded().hasPassed("EndEvent_Settled");
    assertThat(record(c).getOutcome()).isEqualTo("SETTLED");
  }

  @Test
  void aMissedInstalmentGoesToLegalWhoReferTheClaimToOurLawyer() {
    Case c = openCase("STANDARD", null, "Software", 300, 300);
    complete(c, "sally", Map.of("contactOutcome", "HARDSHIP"));
    complete(c, "frank", Map.of("planDownPayment", 0, "planInstalmentCount", 2, "planFirstDueDate", "2026-03-20",
        "planIntervalDays", 30));
    ProcessInstance planRun = runtime.createProcessInstanceQuery().processDefinitionKey("payment-plan")
        .processInstanceBusinessKey(c.number()).singleResult();
    assertThat(planRun).isWaitingAt("Gateway_WaitForPayment");

    ClockUtil.setCurrentTime(java.util.Date.from(START.plus(Duration.ofDays(30))));
    Job grace = management.createJobQuery().processInstanceId(planRun.getId()).timers().singleResult();
    management.executeJob(grace.getId());

    assertThat(planRun).isEnded().hasPassed("EndEvent_InstalmentMissed");
    assertThat(c.instance()).isWaitingAt("Task_ReviewLegalDossier");
    complete(c, "larry", Map.of("legalDecision", "LAWYER", "notes", "Claim to Meyer & Partner"));
    assertThat(c.instance()).isEnded().hasPassed("Task_HandOverToLawyer", "EndEvent_ReferredToLegal");
    assertThat(record(c).getOutcome()).isEqualTo("REFERRED_TO_LEGAL");
  }

  @Test
  void aDisputeSettledByCreditNoteCancelsTheCase() {
    Case c = openCase("STANDARD", null, "Software", 250, 350);
    complete(c, "sally", Map.of("contactOutcome", "DISPUTE", "disputedInvoices", c.account() + "-1, " + c.account() + "-2",
        "disputeReason", "Goods returned"));

    assertThat(c.instance()).isWaitingAt("Task_ResolveDispute");
    assertThat(task(c)).hasCandidateGroup("sales").hasCandidateGroup("finance");
    assertThat(jdbc.queryForObject("select count(*) from invoices where invoice_number like ? and disputed", Long.class,
        c.account() + "-%")).isEqualTo(2);
    complete(c, "fiona", Map.of("disputeResolution", "CREDIT_NOTE", "notes", "Credit note CN-1"));

    assertThat(c.instance()).isEnded().hasPassed("EndEvent_Cancelled");
    assertThat(record(c).getOutcome()).isEqualTo("CANCELLED");
    assertThat(jdbc.queryForList("select status from invoices where invoice_number in (?, ?)", String.class, c.account() + "-1",
        c.account() + "-2"))
        .containsOnly("CREDITED");
  }

  @Test
  void aCorrectionCreditsPartAndTheRestIsStillCollected() {
    Case c = openCase("STANDARD", null, "Software", 250, 350);
    complete(c, "sally", Map.of("contactOutcome", "DISPUTE", "disputedInvoices", c.account() + "-2",
        "disputeReason", "Price too high"));
    complete(c, "fiona", Map.of("disputeResolution", "CORRECTION", "creditAmount", 50, "notes", "Agreed discount"));

    assertThat(c.instance()).isWaitingAt("Timer_FollowUpDue");
    assertThat(runtime.getVariable(c.instance().getId(), "outstandingAmount")).isEqualTo(550.0);
    assertThat(record(c).getOutstandingAmount()).isEqualByComparingTo("550");
  }

  @Test
  void aRejectedDisputeResumesCollectionWithAFollowUpCall() {
    Case c = openCase("STANDARD", null, "Software", 250, 350);
    complete(c, "sally", Map.of("contactOutcome", "DISPUTE", "disputedInvoices", c.account() + "-1",
        "disputeReason", "Never ordered"));
    complete(c, "frank", Map.of("disputeResolution", "REJECTED", "notes", "Signed order on file"));

    assertThat(c.instance()).isWaitingAt("Task_FollowUpCall");
    assertThat(jdbc.queryForObject("select count(*) from invoices where invoice_number like ? and disputed", Long.class,
        c.account() + "-%")).isZero();
  }

  @Test
  void aWriteOffNeedsFinanceApproval() {
    Case c = atLegal(openCase("STANDARD", null, "Software", 90, 60));
    complete(c, "larry", Map.of("legalDecision", "WRITE_OFF", "notes", "Customer insolvent"));
    assertThat(task(c)).hasCandidateGroup("finance");
    complete(c, "frank", Map.of("writeOffDecision", "REJECTED", "notes", "Try the agency first"));
    assertThat(c.instance()).isWaitingAt("Task_ReviewLegalDossier");
    complete(c, "larry", Map.of("legalDecision", "WRITE_OFF", "notes", "Agency declined"));
    complete(c, "frank", Map.of("writeOffDecision", "APPROVED", "notes", "Written off"));

    assertThat(c.instance()).isEnded().hasPassed("EndEvent_WrittenOff");
    assertThat(record(c).getOutcome()).isEqualTo("WRITTEN_OFF");
    assertThat(jdbc.queryForList("select status from invoices where invoice_number in (?, ?)", String.class, c.account() + "-1",
        c.account() + "-2"))
        .containsOnly("WRITTEN_OFF");
    // nothing stays open; what was written off is a dated ledger event of the user who approved it
    assertThat(jdbc.queryForObject("select sum(open_amount) from invoices where invoice_number in (?, ?)",
        java.math.BigDecimal.class, c.account() + "-1", c.account() + "-2")).isEqualByComparingTo("0");
    assertThat(jdbc.queryForList("select user_id, kind, amount, case_number, effective_date from receivable_adjustments "
        + "where case_number = ? order by amount", c.number())).extracting(r -> r.get("user_id"), r -> r.get("kind"),
            r -> new java.math.BigDecimal(r.get("amount").toString()).intValue(), r -> r.get("effective_date").toString())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("frank", "WRITE_OFF", 60, today().toString()),
            org.assertj.core.groups.Tuple.tuple("frank", "WRITE_OFF", 90, today().toString()));
  }

  @Test
  void legalCanSettleWithAnInstalmentPlan() {
    Case c = atLegal(openCase("STANDARD", null, "Software", 400, 600));
    complete(c, "larry", Map.of("legalDecision", "SETTLE", "notes", "Customer offers instalments"));

    assertThat(c.instance()).isWaitingAt("Task_RecordInstalmentPlan");
    assertThat(record(c).getStage()).isEqualTo(CaseStage.NEGOTIATION);
  }

  @Test
  void aNewOverdueInvoiceJoinsTheOpenCase() {
    Case c = openCase("STANDARD", null, "Software", 400, 600);
    jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, currency, status) "
        + "values (?, ?, ?, ?, 250, 250, 'USD', 'OPEN')", c.account() + "-3", c.customerId(),
        Date.valueOf(today().minusDays(40)), Date.valueOf(today().minusDays(2)));

    sweep.run();

    assertThat(c.instance()).hasPassed("Task_NoteJoinedInvoice").isWaitingAt("Task_InitialContact");
    assertThat(runtime.getVariable(c.instance().getId(), "outstandingAmount")).isEqualTo(1250.0);
    assertThat(record(c).getOutstandingAmount()).isEqualByComparingTo("1250");
  }

  @Test
  void aPartialPaymentLowersWhatIsOutstanding() {
    Case c = openCase("STANDARD", null, "Software", 400, 600);

    pay(c, "150.00", c.account() + "-1");

    assertThat(c.instance()).isWaitingAt("Task_InitialContact").hasPassed("EndEvent_OutstandingLowered");
    assertThat(runtime.getVariable(c.instance().getId(), "outstandingAmount")).isEqualTo(850.0);
    assertThat(record(c).getOutstandingAmount()).isEqualByComparingTo("850");
    assertThat(record(c).getAmountAtOpen()).isEqualByComparingTo("1000");
  }

  // --- the scenario's world (see CaseWorld)

  private Case openCase(String tier, String owner, String industry, int first, int second) {
    return world.openCase(tier, owner, industry, first, second);
  }

  private Case atLegal(Case c) {
    complete(c, "sally", Map.of("contactOutcome", "REFUSES"));
    complete(c, "fiona", Map.of("demandLetterDecision", "APPROVED", "noticeDays", 14));
    runJobs(c);
    passTimer(c, "Timer_NoticeDeadline");
    assertThat(c.instance()).isWaitingAt("Task_ReviewLegalDossier");
    return c;
  }

  private LocalDate today() {
    return world.today();
  }

  private void pay(Case c, String amount, String remittance) {
    world.pay(c, amount, remittance);
  }

  private Task task(Case c) {
    return world.task(c);
  }

  private void complete(Case c, String user, Map<String, Object> variables) {
    world.complete(c, user, variables);
  }

  private void login(String user) {
    world.login(user);
  }

  private void passTimer(Case c, String activityId) {
    world.passTimer(c, activityId);
  }

  private void runJobs(Case c) {
    world.runJobs(c);
  }

  private boolean isWaitingAt(Case c, String activityId) {
    return world.isWaitingAt(c, activityId);
  }

  private CollectionCase record(Case c) {
    return world.record(c);
  }

  private boolean creditHold(Case c) {
    return jdbc.queryForObject("select credit_hold from customers where id = ?", Boolean.class, c.customerId());
  }

  private List<Map<String, Object>> contacts(Case c) {
    return jdbc.queryForList("select * from contact_log where case_number = ? order by id", c.number());
  }
}
