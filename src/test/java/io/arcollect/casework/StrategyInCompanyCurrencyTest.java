package io.arcollect.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcollect.ledger.OverdueItems;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13, "one currency assumed": the strategy's overdue amount is in the company currency (USD in the demo and the
 * tests), converted with the ECB reference rates imported through the REST API. Rates of the day: 1 EUR = 1.05 USD =
 * 160 JPY. Both customers are grade C (an item 60 days past due), where collection-strategy.dmn escalates a large
 * amount (its large-amount decision: USD 30,000 or more for a standard customer) to finance (HIGH_RISK_ESCALATION),
 * less is FAST_TRACK:
 * <ul>
 *   <li>EUR 29,000 = 29,000 * 1.05 = USD 30,450.00: escalated (taken 1:1 it would be 29,000: fast track);</li>
 *   <li>JPY 3,000,000 = 3,000,000 / 160 * 1.05 = USD 19,687.50: fast track (taken 1:1, 3,000,000: escalated).</li>
 * </ul>
 * A case in a currency without a rate is not decided on 1:1: its assessment fails with the reason, an incident.
 */
@ArcollectSpringBootTest
class StrategyInCompanyCurrencyTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseOpening opening;
  @Autowired OverdueItems overdue;
  @Autowired TransactionTemplate transaction;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired CollectionCaseRepository cases;

  @Test
  void aJpyAndAEurBalanceMeetTheStrategysThresholdsInTheCompanyCurrency() {
    LocalDate today = today();
    String rates = "Date, USD, JPY, BGN, CZK, \n" + today.format(DateTimeFormatter.ofPattern("dd MMMM yyyy", Locale.ENGLISH))
        + ", 1.0500, 160.00, 1.9558, N/A, \n";
    ResponseEntity<Map> imported = rest.withBasicAuth("frank", "frank").exchange("/api/exchange-rates/import",
        HttpMethod.POST, new HttpEntity<>(rates, csv()), Map.class);
    assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(imported.getBody()).containsEntry("days", 1).containsEntry("rates", 3);

    CollectionCase euros = openAndAssess(customerOwing("EUR", 29_000));
    CollectionCase yen = openAndAssess(customerOwing("JPY", 3_000_000));

    assertThat(strategyInput(euros)).isEqualTo(30_450.0);
    assertThat(cases.findByCaseNumber(euros.getCaseNumber()).orElseThrow().getStrategy()).isEqualTo("HIGH_RISK_ESCALATION");
    assertThat(strategyInput(yen)).isEqualTo(19_687.5);
    assertThat(cases.findByCaseNumber(yen.getCaseNumber()).orElseThrow().getStrategy()).isEqualTo("FAST_TRACK");
    // the case itself stays in the customer's currency
    assertThat(yen.getCurrency()).isEqualTo("JPY");
    assertThat(yen.getOutstandingAmount()).isEqualByComparingTo("3000000");

    ResponseEntity<Map> converted = rest.withBasicAuth("sally", "sally").getForEntity(
        "/api/exchange-rates/convert?amount=3000000&currency=JPY&date=" + today, Map.class);
    assertThat(converted.getBody()).containsEntry("companyCurrency", "USD").containsEntry("companyAmount", 19687.5);
  }

  @Test
  void aCaseInACurrencyWithoutARateBecomesAnIncidentThatSaysSoNotA1To1Strategy() {
    CollectionCase francs = open(customerOwing("CHF", 30_000));
    Job assess = management.createJobQuery().processInstanceId(francs.getProcessInstanceId()).executable().singleResult();
    management.setJobRetries(assess.getId(), 1);

    assertThatThrownBy(() -> management.executeJob(assess.getId())).hasStackTraceContaining("no exchange rate for CHF");

    Incident incident = runtime.createIncidentQuery().processInstanceId(francs.getProcessInstanceId()).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getIncidentMessage()).contains("no exchange rate for CHF", "cannot be converted into USD");
    assertThat(cases.findByCaseNumber(francs.getCaseNumber()).orElseThrow().getStrategy()).isNull();
  }

  @Test
  void aRateFileWithAMissingRateIsRefusedWholeAndStoresNothing() {
    String file = "Date,USD,JPY,\n2024-01-05,1.0921,158.10,\n2024-01-04,,157.89,\n";
    ResponseEntity<Map> refused = rest.withBasicAuth("frank", "frank").exchange("/api/exchange-rates/import",
        HttpMethod.POST, new HttpEntity<>(file, csv()), Map.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat((String) refused.getBody().get("detail")).contains("Line 3", "USD", "missing");
    assertThat(jdbc.queryForObject("select count(*) from exchange_rates where rate_date in (?, ?)", Long.class,
        Date.valueOf("2024-01-05"), Date.valueOf("2024-01-04"))).isZero();
  }

  @Test
  void theEcbHistoryFileIsImportedWithItsNotQuotedCurrenciesLeftOut() {
    // as eurofxref-hist.csv: ISO dates, newest first, N/A for a currency not quoted (CYP after 2007), a comma at the end
    String file = "Date,USD,JPY,CYP,\n2023-03-03,1.0621,144.66,N/A,\n2023-03-02,1.0599,144.47,N/A,\n";
    ResponseEntity<Map> imported = rest.withBasicAuth("frank", "frank").exchange("/api/exchange-rates/import",
        HttpMethod.POST, new HttpEntity<>(file, csv()), Map.class);

    assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(imported.getBody()).containsEntry("days", 2).containsEntry("rates", 4)
        .containsEntry("from", "2023-03-02").containsEntry("to", "2023-03-03");
    // Saturday 2023-03-04 has no rate: Friday's; USD 1,000 = EUR 1000 / 1.0621 * 144.66 JPY = JPY 136,202 (rounded)
    assertThat(rest.withBasicAuth("frank", "frank").getForEntity("/api/exchange-rates/convert?amount=1000&currency=EUR"
        + "&date=2023-03-04", Map.class).getBody()).containsEntry("companyAmount", 1062.1);
    assertThat(rest.withBasicAuth("sally", "sally").exchange("/api/exchange-rates/import", HttpMethod.POST,
        new HttpEntity<>(file, csv()), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  // --- a grade C customer (an invoice 60 days past due, nothing paid before) owing in its own currency

  private long customerOwing(String currency, int amount) {
    String account = "FX-" + currency + "-" + System.nanoTime() % 1_000_000_000L;
    jdbc.update("insert into customers (account_number, name, tier, industry, currency, language, time_zone) "
        + "values (?, ?, 'STANDARD', 'Software', ?, 'en', 'Europe/Berlin')", account, "Customer " + account, currency);
    long id = jdbc.queryForObject("select id from customers where account_number = ?", Long.class, account);
    LocalDate due = today().minusDays(60);
    jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, currency, status) "
        + "values (?, ?, ?, ?, ?, ?, ?, 'OPEN')", account + "-1", id, Date.valueOf(due.minusDays(30)), Date.valueOf(due),
        amount, amount, currency);
    return id;
  }

  private CollectionCase open(long customerId) {
    return OpenedCases.open(opening, overdue, transaction, customerId, today());
  }

  private CollectionCase openAndAssess(long customerId) {
    CollectionCase opened = open(customerId);
    for (int round = 0; round < 5; round++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(opened.getProcessInstanceId()).executable().list();
      jobs.stream().filter(job -> !"timer-intermediate-transition".equals(((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job)
          .getJobHandlerType())).forEach(job -> management.executeJob(job.getId()));
    }
    return opened;
  }

  private Object strategyInput(CollectionCase c) {
    return history.createHistoricDecisionInstanceQuery().processInstanceId(c.getProcessInstanceId())
        .decisionDefinitionKey("collection-strategy").includeInputs().list().get(0).getInputs().stream()
        .filter(input -> "Input_OverdueAmount".equals(input.getClauseId())).map(HistoricDecisionInputInstance::getValue)
        .findFirst().orElseThrow();
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.now().toInstant(), java.time.ZoneId.systemDefault());
  }

  private static HttpHeaders csv() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
    return headers;
  }
}
