package io.arcollect.casework;

import io.arcollect.analysis.CustomerAnalysis;
import io.arcollect.ledger.CustomerTier;
import io.arcollect.ledger.ExchangeRates;
import io.arcollect.ledger.OverdueItems.OverdueAccount;
import io.arcollect.ledger.OverdueItems.OverdueInvoice;
import io.arcollect.system.RepeatedDecisions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * processes/case-opening.dmn, asked by the aging sweep for every overdue account without an open case before anything
 * is created for it: open a case now, remind only (no case) or wait. The latest deployed versions of case-opening and
 * of credit-grade (its grade input) are read once per sweep run, so a version deployed from Modeler counts from the
 * next run without a restart; the decision itself is then evaluated in memory, as fast for two thousand accounts as
 * for one. Case-opening's evaluation keeps its history (the grade among its inputs); the grade's own has none
 * ({@link RepeatedDecisions}): the opened case grades again with its history.
 */
@Service
public class CaseOpeningDecision {

  public static final String DECISION_KEY = "case-opening";

  /** What the sweep does with an overdue account. */
  public enum Opening { OPEN_CASE, REMIND_ONLY, WAIT }

  /** The decision's inputs and what it decided, with the version that decided. */
  public record Decided(Opening opening, String customerTier, String creditGrade, int daysPastDue,
      BigDecimal overdueAmount, String companyCurrency, int version) {}

  private final ProcessEngineConfigurationImpl engine;
  private final CustomerAnalysis analysis;
  private final ExchangeRates rates;
  private final JdbcTemplate jdbc;

  CaseOpeningDecision(ProcessEngineConfigurationImpl engine, CustomerAnalysis analysis, ExchangeRates rates,
      JdbcTemplate jdbc) {
    this.engine = engine;
    this.analysis = analysis;
    this.rates = rates;
    this.jdbc = jdbc;
  }

  /** The models as deployed now: one per sweep run. */
  public Models latest() {
    DecisionDefinitionEntity opening = latest(DECISION_KEY);
    DecisionDefinitionEntity grade = latest("credit-grade");
    return new Models(engine.getDmnEngine(), opening, grade);
  }

  private DecisionDefinitionEntity latest(String key) {
    org.camunda.bpm.engine.impl.interceptor.Command<DecisionDefinitionEntity> find = context ->
        (DecisionDefinitionEntity) context.getProcessEngineConfiguration().getDeploymentCache()
            .findDeployedLatestDecisionDefinitionByKey(key);
    return engine.getCommandExecutorTxRequired().execute(find);
  }

  /** The latest case-opening and credit-grade decisions of one sweep run. */
  public final class Models {
    private final DmnEngine dmn;
    private final DecisionDefinitionEntity opening;
    private final DmnDecision grade;

    private Models(DmnEngine dmn, DecisionDefinitionEntity opening, DmnDecision grade) {
      this.dmn = dmn;
      this.opening = opening;
      this.grade = grade;
    }

    /**
     * Decides for an account with these overdue invoices (in the account's currency); a missing exchange rate is a
     * UserError (the account is not decided, never taken 1:1).
     */
    public Decided decide(OverdueAccount account, List<OverdueInvoice> invoices, LocalDate today) {
      BigDecimal overdue = invoices.stream().map(OverdueInvoice::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal inCompanyCurrency = rates.toCompanyCurrency(overdue, account.currency(), today);
      int daysPastDue = (int) invoices.stream().mapToLong(i -> Math.max(0, ChronoUnit.DAYS.between(i.dueDate(), today)))
          .max().orElse(0);
      String tier = jdbc.queryForObject("select tier from customers where id = ?", String.class, account.customerId());
      // the case opened from this grades again in "Grade credit", with its history: this one writes none
      String creditGrade = analysis.of(account.accountNumber()).map(behaviour -> RepeatedDecisions.evaluate(() ->
          (String) dmn.evaluateDecision(grade, behaviour.decisionInputs()).getSingleResult().getEntry("creditGrade")))
          .orElse(null);
      Map<String, Object> inputs = new HashMap<>();
      inputs.put("customerTier", CustomerTier.valueOf(tier).name());
      inputs.put("creditGrade", creditGrade);
      inputs.put("daysPastDue", daysPastDue);
      inputs.put("overdueAmount", inCompanyCurrency.doubleValue());
      var result = dmn.evaluateDecision(opening, inputs).getFirstResult();
      String decided = result == null ? null : (String) result.getEntry("caseOpening");
      Opening what;
      try {
        what = decided == null ? Opening.OPEN_CASE : Opening.valueOf(decided.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("case-opening.dmn version " + opening.getVersion() + " answered '" + decided
            + "' for account " + account.accountNumber() + ": expected OPEN_CASE, REMIND_ONLY or WAIT", e);
      }
      return new Decided(what, tier, creditGrade, daysPastDue, inCompanyCurrency, rates.companyCurrency(),
          opening.getVersion());
    }
  }
}
