package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The worklist decisions of worklist.dmn for a collection case, on its figures of the moment: the task priority
 * (amount at stake, credit grade, days past due) and whether the amount at stake is worth a call for the
 * customer's tier ("Apply strategy"). The amount at stake is what is open of the case in the company currency; days
 * past due and tier are the case's records as they are now.
 */
@Component("worklist")
public class Worklist {

  /** Tasklist priority = the decision's points times this, plus a tie-breaker from the amount (0-99). */
  static final int POINTS_SCALE = 100;

  private final DecisionService decisions;
  private final IdentityService identity;
  private final CaseProgress progress;
  private final CompanyCurrency companyCurrency;

  Worklist(DecisionService decisions, IdentityService identity, CaseProgress progress, CompanyCurrency companyCurrency) {
    this.decisions = decisions;
    this.identity = identity;
    this.progress = progress;
    this.companyCurrency = companyCurrency;
  }

  /** The task priority of the case's next task: task-priority's points times 100 plus the amount's tie-breaker. */
  public int priority(VariableScope scope) {
    BigDecimal atStake = amountAtStake(scope);
    VariableMap inputs = Variables.createVariables()
        .putValue("amountAtStake", atStake == null ? 0.0 : atStake.doubleValue())
        .putValue("creditGrade", CaseVariables.text(scope, "creditGrade"))
        .putValue("daysPastDue", progress.daysPastDue(CaseVariables.caseNumber(scope)));
    Object points = evaluate("task-priority", inputs).getSingleEntry();
    int sum = points == null ? 0 : ((Number) points).intValue();
    return Math.max(0, sum) * POINTS_SCALE + tieBreaker(atStake);
  }

  /** Whether the amount at stake is below minimum-call-balance for the customer's tier: no call, reminders only. */
  public boolean belowCallMinimum(VariableScope scope) {
    BigDecimal atStake = amountAtStake(scope);
    BigDecimal minimum = minimumCallBalance(progress.customerTier(CaseVariables.caseNumber(scope)));
    return atStake != null && minimum != null && atStake.compareTo(minimum) < 0;
  }

  BigDecimal minimumCallBalance(String customerTier) {
    Object minimum = evaluate("minimum-call-balance", Variables.createVariables().putValue("customerTier", customerTier))
        .getSingleEntry();
    return minimum == null ? null : new BigDecimal(minimum.toString());
  }

  /** What is open of the case, in the company currency. */
  BigDecimal amountAtStake(VariableScope scope) {
    BigDecimal outstanding = CaseVariables.amount(scope, "outstandingAmount");
    return companyCurrency.of(outstanding, CaseVariables.text(scope, "currency"), progress.today());
  }

  /** 0-99, growing with the order of magnitude of the amount: 10 → 15, 1,000 → 45, 28,300 → 67, 1 million → 90. */
  static int tieBreaker(BigDecimal amount) {
    if (amount == null || amount.signum() <= 0) {
      return 0;
    }
    return (int) Math.min(POINTS_SCALE - 1, Math.round(Math.log10(1 + amount.doubleValue()) * 15));
  }

  private DmnDecisionResult evaluate(String decisionKey, Map<String, Object> inputs) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      return evaluateNow(decisionKey, inputs);
    }
    // the same decision on the same inputs in one transaction (Apply strategy, then the gateway and the first task
    // in the same step) answers the same: asked once, in the case's history once
    Map<String, DmnDecisionResult> asked = SAME_TRANSACTION.computeIfAbsent(command, c -> new HashMap<>());
    String question = decisionKey + new TreeMap<>(inputs);
    DmnDecisionResult answer = asked.get(question);
    if (answer == null) {
      answer = evaluateNow(decisionKey, inputs);
      asked.put(question, answer);
    }
    return answer;
  }

  /** Answers already given in a transaction, by its command context (gone with it). */
  private static final Map<CommandContext, Map<String, DmnDecisionResult>> SAME_TRANSACTION =
      Collections.synchronizedMap(new WeakHashMap<>());

  private DmnDecisionResult evaluateNow(String decisionKey, Map<String, Object> inputs) {
    // the decision is the case's business, not the user's whose completed task led here
    return AsEngine.call(identity, () -> decisions.evaluateDecisionByKey(decisionKey).variables(inputs).evaluate());
  }
}
