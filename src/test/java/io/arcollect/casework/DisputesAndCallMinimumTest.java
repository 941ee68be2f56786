package io.arcollect.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.arcollect.casework.CaseWorld.Case;
import io.arcollect.ledger.ReceivableAdjustments;
import io.arcollect.system.UserError;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 12 on the whole application: disputes hold the escalation (no demand letter, credit hold or legal referral
 * while every open invoice is disputed), balances below worklist.dmn's minimum get reminders but no call, and
 * disputed invoices are ticked from the case's own invoices.
 */
@ArcollectSpringBootTest
class DisputesAndCallMinimumTest {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReceivableAdjustments adjustments;
  @Autowired ApplicationContext context;
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
  void aFullyDisputedCaseNeverReachesTheDemandLetterUntilTheDisputeIsResolved() {
    Case c = world.openCase("STANDARD", null, "Software", 400, 600);
    // disputed in the ledger, not through the call (as an import or the customer file would)
    adjustments.dispute(c.account(), List.of(c.account() + "-1", c.account() + "-2"), "Goods never delivered");

    world.complete(c, "sally", Map.of("contactOutcome", "REFUSES", "notes", "Will not pay for goods not received"));

    assertThat(c.instance()).hasPassed("Task_HoldForDispute").isWaitingAt("Task_ResolveDispute")
        .hasNotPassed("Task_PrepareDemandLetter", "Task_ApproveDemandLetter", "Task_PlaceCreditHold");
    Task resolve = world.task(c);
    assertThat(tasks.getVariable(resolve.getId(), "disputedInvoices"))
        .isEqualTo(c.account() + "-1, " + c.account() + "-2");
    assertThat(tasks.getVariable(resolve.getId(), "disputeReason")).isEqualTo("Goods never delivered");
    assertThat(creditHold(c)).isFalse();

    // rejected: collection resumes, and only now may a refusal lead to the demand letter
    world.complete(c, "fiona", Map.of("disputeResolution", "REJECTED", "notes", "Delivery note signed on 2 Feb"));
    assertThat(c.instance()).isWaitingAt("Task_FollowUpCall");
    world.complete(c, "sally", Map.of("contactOutcome", "REFUSES"));
    assertThat(c.instance()).isWaitingAt("Task_ApproveDemandLetter");
  }

  @Test
  void followUpsOfAFullyDisputedCaseEndAtTheDisputeNotAtTheFormalNotice() {
    Case c = world.openCase("STANDARD", null, "Software", 400, 600);
    adjustments.dispute(c.account(), List.of(c.account() + "-1", c.account() + "-2"), "Wrong prices");
    world.complete(c, "sally", Map.of("contactOutcome", "NO_ANSWER"));

    for (int round = 0; round < 8 && !world.isWaitingAt(c, "Task_ResolveDispute"); round++) {
      assertThat(c.instance()).hasNotPassed("Task_PrepareDemandLetter");
      world.passTimer(c, "Timer_FollowUpDue");
      if (world.isWaitingAt(c, "Task_FollowUpCall")) {
        world.complete(c, "sally", Map.of("contactOutcome", "NO_ANSWER"));
      }
    }
    assertThat(c.instance()).isWaitingAt("Task_ResolveDispute").hasPassed("Task_FollowUpCall", "Task_HoldForDispute")
        .hasNotPassed("Task_PrepareDemandLetter", "Task_ApproveDemandLetter", "Task_PlaceCreditHold");
  }

  @Test
  void aCaseWithOneInvoiceStillUndisputedGoesToTheDemandLetter() {
    Case c = world.openCase("STANDARD", null, "Software", 400, 600);
    adjustments.dispute(c.account(), List.of(c.account() + "-1"), "Wrong prices");

    world.complete(c, "sally", Map.of("contactOutcome", "REFUSES"));

    assertThat(c.instance()).isWaitingAt("Task_ApproveDemandLetter").hasNotPassed("Task_HoldForDispute");
  }

  @Test
  void aDisputeRaisedAfterTheFormalNoticeHoldsTheLegalReferral() {
    Case c = world.openCase("STANDARD", null, "Software", 700, 800);
    world.complete(c, "sally", Map.of("contactOutcome", "REFUSES"));
    world.complete(c, "fiona", Map.of("demandLetterDecision", "APPROVED", "noticeDays", 14));
    assertThat(c.instance()).isWaitingAt("Timer_NoticeDeadline");
    adjustments.dispute(c.account(), List.of(c.account() + "-1", c.account() + "-2"), "Invoiced twice");

    world.passTimer(c, "Timer_NoticeDeadline");

    assertThat(c.instance()).isWaitingAt("Task_ResolveDispute").hasNotPassed("Task_ReviewLegalDossier");
  }

  @Test
  void aBalanceBelowTheMinimumGetsRemindersButNoCallTask() {
    Case c = world.openCase("STANDARD", null, "Software", 60, 40);

    assertThat(c.instance()).hasPassed("Task_SendFriendlyReminder").hasNotPassed("Task_InitialContact")
        .isWaitingAt("Timer_FollowUpDue");
    assertThat(world.task(c)).isNull();

    world.passTimer(c, "Timer_FollowUpDue");

    assertThat(c.instance()).hasPassed("Task_SendFollowUpReminder").hasNotPassed("Task_FollowUpCall")
        .isWaitingAt("Timer_FollowUpDue");
    assertThat(world.task(c)).isNull();
  }

  @Test
  void aKeyAccountIsCalledWhateverItsBalance() {
    Case c = world.openCase("KEY", "sally", "Software", 60, 40);

    assertThat(c.instance()).isWaitingAt("Task_InitialContact");
    assertThat(world.task(c)).isAssignedTo("sally");
  }

  @Test
  void disputedInvoicesAreTickedFromTheCasesInvoicesAndOthersAreRefusedInWords() {
    Case c = world.openCase("STANDARD", null, "Software", 400, 600);
    Task call = world.task(c);
    @SuppressWarnings("unchecked")
    List<Map<String, String>> options = (List<Map<String, String>>) tasks.getVariable(call.getId(), "invoiceOptions");
    assertThat(options).extracting(o -> o.get("value")).containsExactly(c.account() + "-1", c.account() + "-2");
    assertThat(options.get(0).get("label")).contains(c.account() + "-1", "USD 400.00");

    world.login("sally");
    assertThatThrownBy(() -> tasks.complete(call.getId(), Map.of("contactOutcome", "DISPUTE",
        "disputedInvoices", List.of(c.account() + "-1", "SOMEONE-ELSES-9"), "disputeReason", "Damaged")))
        .isInstanceOf(UserError.class)
        // the server's submission check (process.SubmissionCheck) refuses it before the case moves
        .hasMessage("Disputed invoices: not an invoice of this case: SOMEONE-ELSES-9. / 有争议的发票：不是本案的发票：SOMEONE-ELSES-9。");
    world.logout();
    assertThat(c.instance()).isWaitingAt("Task_InitialContact");
    assertThat(disputed(c)).as("nothing half-changed").isEmpty();

    // as Tasklist submits a checklist: a list of the ticked values
    world.complete(c, "sally", Map.of("contactOutcome", "DISPUTE", "disputedInvoices", List.of(c.account() + "-2"),
        "disputeReason", "Damaged"));

    assertThat(c.instance()).isWaitingAt("Task_ResolveDispute");
    assertThat(disputed(c)).containsExactly(c.account() + "-2");
    assertThat(tasks.getVariable(world.task(c).getId(), "disputedInvoices")).isEqualTo(c.account() + "-2");
  }

  @Test
  void sallyFindsTheDisputeAndTheBrokenPromiseInHerFilters() {
    Case disputedCase = world.openCase("STANDARD", null, "Software", 400, 600);
    world.complete(disputedCase, "sally", Map.of("contactOutcome", "DISPUTE",
        "disputedInvoices", List.of(disputedCase.account() + "-1"), "disputeReason", "Damaged"));
    Case promised = world.openCase("STANDARD", null, "Software", 500, 700);
    world.complete(promised, "sally", Map.of("contactOutcome", "PROMISE_TO_PAY", "promisedAmount", 1200,
        "promisedDate", "2026-03-10"));
    world.passTimer(promised, "Timer_PromisedDate");
    Task brokenPromiseCall = world.task(promised);
    assertThat(brokenPromiseCall.getTaskDefinitionKey()).isEqualTo("Task_FollowUpCall");
    assertThat(tasks.getVariable(brokenPromiseCall.getId(), "promiseStatus"))
        .isEqualTo("USD 1,200.00 promised for 2026-03-10, broken");
    Case quiet = world.openCase("STANDARD", null, "Software", 400, 600);

    world.login("sally");
    try {
      List<String> disputes = filtered("Disputes");
      List<String> promises = filtered("Promises due");
      assertThat(disputes).contains(world.task(disputedCase).getId())
          .doesNotContain(brokenPromiseCall.getId(), world.task(quiet).getId());
      assertThat(promises).contains(brokenPromiseCall.getId())
          .doesNotContain(world.task(disputedCase).getId(), world.task(quiet).getId());
    } finally {
      world.logout();
    }
  }

  private List<String> filtered(String filterName) {
    var filters = engine.getFilterService();
    String id = filters.createFilterQuery().filterName(filterName).singleResult().getId();
    return filters.<Task>list(id).stream().map(Task::getId).toList();
  }

  private List<String> disputed(Case c) {
    return jdbc.queryForList("select invoice_number from invoices where customer_id = ? and disputed order by 1",
        String.class, c.customerId());
  }

  private boolean creditHold(Case c) {
    return jdbc.queryForObject("select credit_hold from customers where id = ?", Boolean.class, c.customerId());
  }
}
