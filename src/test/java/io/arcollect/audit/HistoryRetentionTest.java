package io.arcollect.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.casework.CaseWorld;
import io.arcollect.casework.CaseWorld.Case;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Financial records are kept ten years: the history of a case that ended longer ago than its model's time to
 * live goes in Camunda's history cleanup, that of a recently ended or still running case stays.
 */
@ArcollectSpringBootTest
class HistoryRetentionTest {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyModelHasATimeToLiveAndTheCleanupRunsAtNight() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    assertThat(configuration.getHistoryTimeToLive()).isEqualTo("P3650D");
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKeysIn("collection-case", "payment-plan",
        "aging-sweep").list()).hasSize(3).allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isNotNull());
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("collection-case").latestVersion()
        .singleResult().getHistoryTimeToLive()).isEqualTo(3650);
    for (String decision : new String[] {"credit-grade", "collection-strategy", "industry-risk"}) {
      assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(decision).latestVersion().singleResult()
          .getHistoryTimeToLive()).as(decision).isEqualTo(3650);
    }
  }

  @Test
  void cleanupRemovesTheHistoryOfACaseClosedOverTenYearsAgoAndKeepsRecentAndRunningCases() {
    CaseWorld world = new CaseWorld(context);
    ClockUtil.setCurrentTime(Date.from(START));
    Case expired = world.openCase("STANDARD", null, "Software", 400, 600);
    world.pay(expired, "1000.00", expired.account() + "-1 " + expired.account() + "-2");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(expired.instance().getId()).finished()
        .count()).isEqualTo(1);
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(expired.instance().getId()).count()).isPositive();

    ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(3650 + 2))));
    Case recent = world.openCase("STANDARD", null, "Software", 400, 600);
    world.pay(recent, "1000.00", recent.account() + "-1 " + recent.account() + "-2");
    Case running = world.openCase("STANDARD", null, "Software", 400, 600);

    runHistoryCleanup();

    assertThat(historyOf(expired)).as("history of the case closed ten years and two days ago").isZero();
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(expired.instance().getId()).count()).isZero();
    assertThat(historyOf(recent)).as("history of the case closed today").isPositive();
    assertThat(historyOf(running)).as("history of the running case").isPositive();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(recent.instance().getId()).count()).isOne();
  }

  @Test
  void theHistoryOfACasesInstalmentPlanAndDecisionsIsKeptExactlyAsLongAsTheCase() {
    CaseWorld world = new CaseWorld(context);
    ClockUtil.setCurrentTime(Date.from(START));
    Case c = world.openCase("STANDARD", null, "Software", 300, 300);
    world.complete(c, "sally", java.util.Map.of("contactOutcome", "HARDSHIP"));
    world.complete(c, "frank", java.util.Map.of("planDownPayment", 0, "planInstalmentCount", 2,
        "planFirstDueDate", "2026-03-20", "planIntervalDays", 30));
    ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(40))));
    world.pay(c, "600.00", c.account() + "-1 " + c.account() + "-2");
    var ended = history.createHistoricProcessInstanceQuery().processInstanceId(c.instance().getId()).singleResult();
    assertThat(ended.getEndTime()).as("the case is closed").isNotNull();
    Date removal = ended.getRemovalTime();
    assertThat(removal.toInstant()).isEqualTo(ended.getEndTime().toInstant().plus(Duration.ofDays(3650)));

    var plan = history.createHistoricProcessInstanceQuery().processDefinitionKey("payment-plan")
        .processInstanceBusinessKey(c.number()).singleResult();
    assertThat(plan.getRemovalTime()).as("the plan, ended weeks before the case, follows the case").isEqualTo(removal);
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(c.instance().getId()).list())
        .isNotEmpty().allSatisfy(decision -> assertThat(decision.getRemovalTime()).isEqualTo(removal));
    assertThat(history.createHistoricJobLogQuery().processInstanceId(plan.getId()).list())
        .isNotEmpty().allSatisfy(log -> assertThat(log.getRemovalTime()).isEqualTo(removal));
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(c.instance().getId()).list())
        .isNotEmpty().allSatisfy(task -> assertThat(task.getRemovalTime()).isEqualTo(removal));
  }

  private long historyOf(Case c) {
    String id = c.instance().getId();
    return history.createHistoricProcessInstanceQuery().processInstanceId(id).count()
        + history.createHistoricActivityInstanceQuery().processInstanceId(id).count()
        + history.createHistoricDetailQuery().processInstanceId(id).count();
  }

  /** As the nightly job does, but now: the job deletes a batch per run and reschedules itself while there is more. */
  private void runHistoryCleanup() {
    history.cleanUpHistoryAsync(true);
    for (int run = 0; run < 50; run++) {
      Job job = history.findHistoryCleanupJobs().stream()
          .filter(j -> !j.getDuedate().after(ClockUtil.now())).findFirst().orElse(null);
      if (job == null) {
        return;
      }
      management.executeJob(job.getId());
    }
  }
}
