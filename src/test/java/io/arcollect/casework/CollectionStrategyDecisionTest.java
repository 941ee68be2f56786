package io.arcollect.casework;

import static io.arcollect.casework.CreditGradeDecisionTest.decision;
import static io.arcollect.casework.CreditGradeDecisionTest.inputExpressions;
import static io.arcollect.casework.CreditGradeDecisionTest.outputNames;
import static io.arcollect.casework.CreditGradeDecisionTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The collection strategy DRD that process owners edit in Modeler (processes/collection-strategy.dmn):
 * {@code industry-risk} feeding {@code collection-strategy}, evaluated by Camunda's DMN engine.
 */
class CollectionStrategyDecisionTest {

  static final String RESOURCE = "processes/collection-strategy.dmn";
  private static final List<String> GRADES = List.of("A", "B", "C", "D");
  private static final List<String> TIERS = List.of("KEY", "STANDARD", "SMALL");

  private static DmnEngine dmnEngine;
  private static DmnDecision collectionStrategy;
  private static DmnDecision industryRisk;

  @BeforeAll
  static void parseModel() throws IOException {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = resource(RESOURCE)) {
      DmnDecisionRequirementsGraph drd = dmnEngine.parseDecisionRequirementsGraph(model);
      collectionStrategy = drd.getDecision("collection-strategy");
      industryRisk = drd.getDecision("industry-risk");
    }
  }

  @ParameterizedTest(name = "industry \"{0}\" -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Construction  | HIGH
      Hospitality   | HIGH
      Retail        | HIGH
      Logistics     | MEDIUM
      Manufacturing | MEDIUM
      Wholesale     | MEDIUM
      Software      | LOW
      Healthcare    | LOW
      Energy        | LOW
      Public sector | LOW
      Mining        | MEDIUM
      ''            | MEDIUM
      """)
  void industryRiskComesFromTheCustomersIndustry(String industry, String expectedRisk) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("industry", industry);

    String risk = dmnEngine.evaluateDecisionTable(industryRisk, variables).getSingleEntry();

    assertThat(risk).isEqualTo(expectedRisk);
  }

  @Test
  void customerWithoutIndustryCountsAsMediumRisk() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("industry", null);

    assertThat((String) dmnEngine.evaluateDecisionTable(industryRisk, variables).getSingleEntry()).isEqualTo("MEDIUM");
  }

  /** An ordinary case: 20 days past due, 5,000 overdue, a medium-risk industry, normal cash position. */
  @ParameterizedTest(name = "grade {0}, {1} account -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      # grade | tier     | strategy               | channel | department | follow-up | formal notice | legal referral
      A       | KEY      | KEY_ACCOUNT_CARE       | PHONE   | sales      | 10        | 45            | 120
      B       | KEY      | KEY_ACCOUNT_CARE       | PHONE   | sales      | 10        | 45            | 120
      C       | KEY      | KEY_ACCOUNT_ESCALATION | VISIT   | sales      | 5         | 21            | 60
      D       | KEY      | KEY_ACCOUNT_ESCALATION | VISIT   | sales      | 5         | 21            | 60
      A       | STANDARD | STANDARD_DUNNING       | EMAIL   | sales      | 7         | 30            | 90
      B       | STANDARD | STANDARD_DUNNING       | EMAIL   | sales      | 7         | 30            | 90
      C       | STANDARD | FAST_TRACK             | PHONE   | finance    | 5         | 14            | 45
      D       | STANDARD | HIGH_RISK_ESCALATION   | PHONE   | finance    | 3         | 10            | 30
      A       | SMALL    | SMALL_ACCOUNT_REMINDER | EMAIL   | finance    | 10        | 30            | 90
      B       | SMALL    | SMALL_ACCOUNT_REMINDER | EMAIL   | finance    | 10        | 30            | 90
      C       | SMALL    | FAST_TRACK             | PHONE   | finance    | 5         | 14            | 45
      D       | SMALL    | HIGH_RISK_ESCALATION   | PHONE   | finance    | 3         | 10            | 30
      """)
  void everyGradeAndTierGetsItsStrategy(String grade, String tier, String strategy, String channel, String department,
      int followUpIntervalDays, int daysToFormalNotice, int daysToLegalReferral) {
    Map<String, Object> outcome = strategyFor(grade, tier, 20, 5_000.0, "Manufacturing", "NORMAL");

    assertThat(outcome)
        .containsEntry("strategyName", strategy)
        .containsEntry("firstChannel", channel)
        .containsEntry("owningDepartment", department)
        .containsEntry("followUpIntervalDays", followUpIntervalDays)
        .containsEntry("daysToFormalNotice", daysToFormalNotice)
        .containsEntry("daysToLegalReferral", daysToLegalReferral);
    assertThat((String) outcome.get("talkingPoints")).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # scenario                                      | grade | tier     | days | amount    | industry     | strategy               | channel | department
      grade D standard account 120 days due goes to legal | D | STANDARD | 120  | 4000.0    | Software     | LEGAL_HANDOVER         | LETTER  | legal
      grade D small account 119 days due stays with finance | D | SMALL  | 119  | 800.0     | Software     | HIGH_RISK_ESCALATION   | PHONE   | finance
      overdue key account stays with its sales owner    | D     | KEY      | 200  | 90000.0   | Construction | KEY_ACCOUNT_ESCALATION | VISIT   | sales
      grade C customer owing a large sum is high risk   | C     | STANDARD | 15   | 30000.0   | Software     | HIGH_RISK_ESCALATION   | PHONE   | finance
      grade C small account just under the large sum    | C     | SMALL    | 15   | 24999.99  | Software     | FAST_TRACK             | PHONE   | finance
      grade B builder is chased like grade C            | B     | STANDARD | 10   | 2000.0    | Construction | FAST_TRACK             | PHONE   | finance
      grade B small hotel is chased like grade C        | B     | SMALL    | 10   | 300.0     | Hospitality  | FAST_TRACK             | PHONE   | finance
      grade B key account in retail keeps its care      | B     | KEY      | 10   | 50000.0   | Retail       | KEY_ACCOUNT_CARE       | PHONE   | sales
      grade A builder keeps routine dunning             | A     | STANDARD | 10   | 2000.0    | Construction | STANDARD_DUNNING       | EMAIL   | sales
      grade B in an unlisted industry is routine        | B     | STANDARD | 10   | 2000.0    | Mining       | STANDARD_DUNNING       | EMAIL   | sales
      grade B without industry is routine               | B     | SMALL    | 10   | 200.0     |              | SMALL_ACCOUNT_REMINDER | EMAIL   | finance
      """)
  void riskDaysAndAmountChangeTheStrategy(String scenario, String grade, String tier, Integer daysPastDue,
      Double overdueAmount, String industry, String strategy, String channel, String department) {
    Map<String, Object> outcome = strategyFor(grade, tier, daysPastDue, overdueAmount, industry, "NORMAL");

    assertThat(outcome)
        .as(scenario)
        .containsEntry("strategyName", strategy)
        .containsEntry("firstChannel", channel)
        .containsEntry("owningDepartment", department);
  }

  @ParameterizedTest(name = "grade {0}, {1} account, cash {2} -> notice day {3}, legal day {4}")
  @CsvSource(delimiter = '|', textBlock = """
      # grade | tier     | cash   | formal notice | legal referral
      A       | KEY      | TIGHT  | 30            | 90
      A       | KEY      | NORMAL | 45            | 120
      A       | KEY      | STRONG | 60            | 150
      A       | KEY      |        | 45            | 120
      D       | KEY      | TIGHT  | 14            | 45
      D       | KEY      | STRONG | 30            | 90
      B       | STANDARD | TIGHT  | 21            | 60
      B       | STANDARD | STRONG | 45            | 120
      C       | SMALL    | TIGHT  | 10            | 30
      C       | SMALL    | STRONG | 21            | 60
      D       | STANDARD | TIGHT  | 7             | 21
      D       | STANDARD | NORMAL | 10            | 30
      D       | STANDARD | STRONG | 14            | 45
      """)
  void ourCashPositionSetsTheEscalationPace(String grade, String tier, String cashPosition, int daysToFormalNotice,
      int daysToLegalReferral) {
    Map<String, Object> outcome = strategyFor(grade, tier, 20, 5_000.0, "Manufacturing", cashPosition);

    assertThat(outcome)
        .containsEntry("daysToFormalNotice", daysToFormalNotice)
        .containsEntry("daysToLegalReferral", daysToLegalReferral);
  }

  @Test
  void tightCashEscalatesSoonerAndStrongCashLaterForEveryGradeAndTier() {
    SoftAssertions softly = new SoftAssertions();
    for (String grade : GRADES) {
      for (String tier : TIERS) {
        Map<String, Object> tight = strategyFor(grade, tier, 20, 5_000.0, "Manufacturing", "TIGHT");
        Map<String, Object> normal = strategyFor(grade, tier, 20, 5_000.0, "Manufacturing", "NORMAL");
        Map<String, Object> strong = strategyFor(grade, tier, 20, 5_000.0, "Manufacturing", "STRONG");
        for (String escalation : List.of("daysToFormalNotice", "daysToLegalReferral")) {
          softly.assertThat((Integer) tight.get(escalation)).as("%s %s %s tight", escalation, grade, tier)
              .isLessThan((Integer) normal.get(escalation));
          softly.assertThat((Integer) strong.get(escalation)).as("%s %s %s strong", escalation, grade, tier)
              .isGreaterThan((Integer) normal.get(escalation));
        }
        softly.assertThat(tight.get("strategyName")).as("%s %s strategy", grade, tier)
            .isEqualTo(normal.get("strategyName")).isEqualTo(strong.get("strategyName"));
      }
    }
    softly.assertAll();
  }

  @Test
  void everyGradeAndTierCombinationHasARealStrategy() {
    for (String grade : GRADES) {
      for (String tier : TIERS) {
        for (String cash : Arrays.asList("TIGHT", "NORMAL", "STRONG", null)) {
          assertThat(strategyFor(grade, tier, 20, 5_000.0, null, cash).get("strategyName"))
              .as("grade %s, tier %s, cash %s", grade, tier, cash)
              .isNotEqualTo("MANUAL_REVIEW");
        }
      }
    }
  }

  @ParameterizedTest(name = "grade {0}, tier {1}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      null | KEY
      A    | null
      E    | STANDARD
      B    | PLATINUM
      """)
  void caseWithMissingOrUnknownGradeOrTierGoesToManualReview(String grade, String tier) {
    Map<String, Object> outcome = strategyFor(grade, tier, 20, 5_000.0, "Software", "NORMAL");

    assertThat(outcome)
        .containsEntry("strategyName", "MANUAL_REVIEW")
        .containsEntry("owningDepartment", "finance");
  }

  @Test
  void everyRowEscalatesToLegalOnlyAfterTheFormalNotice() throws IOException {
    for (Map<String, String> row : strategyRows()) {
      int followUp = Integer.parseInt(row.get("followUpIntervalDays"));
      int formalNotice = Integer.parseInt(row.get("daysToFormalNotice"));
      int legalReferral = Integer.parseInt(row.get("daysToLegalReferral"));
      assertThat(followUp).as(row.get("rule")).isPositive();
      assertThat(formalNotice).as(row.get("rule")).isNotNegative();
      assertThat(legalReferral).as(row.get("rule")).isGreaterThan(formalNotice);
    }
  }

  @Test
  void moreUrgentStrategiesPutTheirTasksHigherInTasklistAndDueSooner() throws IOException {
    Map<String, Integer> priority = new HashMap<>();
    Map<String, Integer> dueWithin = new HashMap<>();
    for (Map<String, String> row : strategyRows()) {
      int taskPriority = Integer.parseInt(row.get("taskPriority"));
      int workWithinDays = Integer.parseInt(row.get("workWithinDays"));
      assertThat(taskPriority).as(row.get("rule")).isBetween(0, 100);
      assertThat(workWithinDays).as(row.get("rule")).isPositive();
      priority.put(row.get("strategyName"), taskPriority);
      dueWithin.put(row.get("strategyName"), workWithinDays);
    }
    assertThat(priority.get("LEGAL_HANDOVER")).isGreaterThan(priority.get("HIGH_RISK_ESCALATION"));
    assertThat(priority.get("HIGH_RISK_ESCALATION")).isGreaterThan(priority.get("STANDARD_DUNNING"));
    assertThat(priority.get("STANDARD_DUNNING")).isGreaterThan(priority.get("SMALL_ACCOUNT_REMINDER"));
    assertThat(dueWithin.get("HIGH_RISK_ESCALATION")).isLessThan(dueWithin.get("STANDARD_DUNNING"));
  }

  @Test
  void everyRowNamesAKnownChannelAndDepartment() throws IOException {
    for (Map<String, String> row : strategyRows()) {
      assertThat(row.get("firstChannel")).as(row.get("rule")).isIn("EMAIL", "PHONE", "LETTER", "VISIT");
      assertThat(row.get("owningDepartment")).as(row.get("rule")).isIn("sales", "finance", "legal");
      assertThat(row.get("strategyName")).as(row.get("rule")).matches("[A-Z][A-Z_]*");
    }
  }

  @Test
  void everyTalkingPointHasAnExplanationForTheForms() throws IOException {
    Set<String> documented = documentedTalkingPoints();
    assertThat(documented).isNotEmpty();
    for (Map<String, String> row : strategyRows()) {
      String talkingPoints = row.get("talkingPoints");
      assertThat(talkingPoints).as(row.get("rule")).matches("[a-z-]+(,[a-z-]+)*");
      assertThat(talkingPoints.split(",")).as(row.get("rule")).isSubsetOf(documented);
    }
  }

  @Test
  void modelKeepsTheColumnNamesTheApplicationFillsIn() throws IOException {
    Decision strategy = decision(RESOURCE, "collection-strategy");
    Decision industry = decision(RESOURCE, "industry-risk");
    DecisionTable strategyTable = (DecisionTable) strategy.getExpression();
    DecisionTable industryTable = (DecisionTable) industry.getExpression();

    assertThat(inputExpressions(strategyTable)).containsExactly(
        "creditGrade", "customerTier", "daysPastDue", "overdueAmount", "industryRisk", "cashPosition");
    assertThat(outputNames(strategyTable)).containsExactly(
        "strategyName", "firstChannel", "owningDepartment", "followUpIntervalDays",
        "daysToFormalNotice", "daysToLegalReferral", "talkingPoints", "taskPriority", "workWithinDays");
    assertThat(inputExpressions(industryTable)).containsExactly("industry");
    assertThat(outputNames(industryTable)).containsExactly("industryRisk");
    assertThat(strategy.getInformationRequirements())
        .map(InformationRequirement::getRequiredDecision)
        .filteredOn(required -> required != null)
        .map(Decision::getId)
        .containsExactly("industry-risk", "large-amount");
    Decision largeAmount = decision(RESOURCE, "large-amount");
    assertThat(inputExpressions((DecisionTable) largeAmount.getExpression())).containsExactly("customerTier", "companyCurrency");
    assertThat(outputNames((DecisionTable) largeAmount.getExpression())).containsExactly("largeAmountFrom");
    for (Decision decision : List.of(strategy, industry, largeAmount)) {
      assertThat(((DecisionTable) decision.getExpression()).getHitPolicy()).as(decision.getId()).isEqualTo(HitPolicy.FIRST);
      assertThat(decision.getCamundaHistoryTimeToLiveString()).as(decision.getId()).isEqualTo("P3650D");
    }
  }

  /** The one place of the large-amount threshold: per tier and company currency, read by the strategy's rules. */
  @ParameterizedTest(name = "{0} account, company currency {1}: large from {2}")
  @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      STANDARD | EUR | 25000.0
      SMALL    | EUR | 25000.0
      STANDARD | USD | 30000.0
      SMALL    | CNY | 200000.0
      STANDARD | JPY | 4000000.0
      KEY      | EUR | none
      STANDARD | SEK | none
      """)
  void largeAmountIsDecidedPerTierAndCompanyCurrency(String tier, String currency, Double from) {
    DmnDecision largeAmount = dmnEngine.parseDecisionRequirementsGraph(resource(RESOURCE)).getDecision("large-amount");
    Map<String, Object> variables = new HashMap<>();
    variables.put("customerTier", tier);
    variables.put("companyCurrency", currency);

    var result = dmnEngine.evaluateDecisionTable(largeAmount, variables);

    assertThat(result.isEmpty() ? null : (Object) result.getSingleEntry()).isEqualTo(from);
  }

  @Test
  void noStrategyRuleWritesAnAmountThresholdOfItsOwn() throws IOException {
    DecisionTable table = (DecisionTable) decision(RESOURCE, "collection-strategy").getExpression();
    int amountColumn = inputExpressions(table).indexOf("overdueAmount");
    List<String> amountTests = table.getRules().stream()
        .map(rule -> rule.getInputEntries().stream().toList().get(amountColumn).getText().getTextContent().trim()).toList();

    assertThat(amountTests).allSatisfy(test -> assertThat(test).isIn("-", ">= largeAmountFrom", "< largeAmountFrom"));
    assertThat(amountTests).contains(">= largeAmountFrom");
  }

  @Test
  void aCompanyInUsDollarsCountsLargeFromItsOwnThreshold() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("creditGrade", "C");
    variables.put("customerTier", "STANDARD");
    variables.put("daysPastDue", 15);
    variables.put("overdueAmount", 27000.0);
    variables.put("industry", "Software");
    variables.put("cashPosition", "NORMAL");
    variables.put("companyCurrency", "EUR");
    assertThat(dmnEngine.evaluateDecision(collectionStrategy, variables).getSingleResult().getEntryMap())
        .containsEntry("strategyName", "HIGH_RISK_ESCALATION");

    variables.put("companyCurrency", "USD");
    assertThat(dmnEngine.evaluateDecision(collectionStrategy, variables).getSingleResult().getEntryMap())
        .containsEntry("strategyName", "FAST_TRACK");
  }

  private static Map<String, Object> strategyFor(String creditGrade, String customerTier, Integer daysPastDue,
      Double overdueAmount, String industry, String cashPosition) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("creditGrade", creditGrade);
    variables.put("customerTier", customerTier);
    variables.put("daysPastDue", daysPastDue);
    variables.put("overdueAmount", overdueAmount);
    variables.put("industry", industry);
    variables.put("cashPosition", cashPosition);
    variables.put("companyCurrency", "EUR");
    return dmnEngine.evaluateDecision(collectionStrategy, variables).getSingleResult().getEntryMap();
  }

  /** The literal outputs of every row of the table, by output name, plus the row's id under "rule". */
  private static List<Map<String, String>> strategyRows() throws IOException {
    DecisionTable table = (DecisionTable) decision(RESOURCE, "collection-strategy").getExpression();
    List<String> names = outputNames(table);
    return table.getRules().stream().map(rule -> {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("rule", rule.getId());
      List<String> values = outputTexts(rule);
      for (int i = 0; i < names.size(); i++) {
        row.put(names.get(i), values.get(i).replace("\"", ""));
      }
      return row;
    }).toList();
  }

  private static List<String> outputTexts(Rule rule) {
    return rule.getOutputEntries().stream().map(entry -> entry.getText().getTextContent().trim()).toList();
  }

  private static Set<String> documentedTalkingPoints() throws IOException {
    try (InputStream markdown = resource("processes/TALKING-POINTS.md")) {
      String text = new String(markdown.readAllBytes(), StandardCharsets.UTF_8);
      Matcher keys = Pattern.compile("(?m)^\\| `([a-z-]+)` \\|").matcher(text);
      return keys.results().map(match -> match.group(1)).collect(Collectors.toSet());
    }
  }
}
