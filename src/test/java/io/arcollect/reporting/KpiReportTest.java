package io.arcollect.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The KPIs on a small ledger worked out by hand (KpiLedger). The period 2019-01-01..2019-03-31 has 90 days;
 * "begin" is the end of 2018-12-31.
 */
@ArcollectSpringBootTest
class KpiReportTest {

  private static final String PERIOD = KpiLedger.PERIOD;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void aQuarterOfTheNorwegianLedger() {
    KpiLedger.ensure(jdbc);
  }

  @Test
  void dsoAndCeiOfTheQuarterAreTheHandComputedOnes() {
    Map<String, Object> nok = row(kpi("receivables", PERIOD), "currency", "NOK");

    // begin: I1 1000 + I2 2000; sales: I3..I7; end: I2 500 + I3 3000 + I4 4000 + I5 1000 + I7 300; current: I4
    assertThat(nok).containsEntry("begin_receivables", 3000.0).containsEntry("credit_sales", 9100.0)
        .containsEntry("end_receivables", 8800.0).containsEntry("end_current_receivables", 4000.0)
        .containsEntry("days", 90);
    // DSO = 8800 / 9100 * 90 = 87.03; CEI = (3000 + 9100 - 8800) / (3000 + 9100 - 4000) * 100 = 40.74
    assertThat(nok).containsEntry("dso", 87.0).containsEntry("cei", 40.7);
  }

  @Test
  void agingAtTheEndOfThePeriodPutsEachOpenInvoiceInItsBucket() {
    assertThat(row(kpi("aging", PERIOD), "currency", "NOK")).containsEntry("current", 4700.0)
        .containsEntry("days_1_30", 3000.0).containsEntry("days_61_90", 500.0).containsEntry("total", 8200.0);
  }

  @Test
  void promiseKeptRateCountsCheckedPromisesDueInThePeriod() {
    List<Map<String, Object>> all = rows(kpi("promises", PERIOD));

    assertThat(row(all, "department", "all")).containsEntry("made", 4).containsEntry("checked", 3)
        .containsEntry("kept", 2).containsEntry("broken", 1).containsEntry("kept_rate", 66.7);
    assertThat(row(all, "department", "sales")).containsEntry("kept_rate", 100.0);
    assertThat(row(rows(kpi("promises", PERIOD + "&department=finance")), "department", "all"))
        .containsEntry("made", 2).containsEntry("kept_rate", 50.0);
  }

  @Test
  void casesAreCountedPerMonthOpenedAndClosedByOutcome() {
    List<Map<String, Object>> months = rows(kpi("cases", PERIOD));

    assertThat(months).extracting(m -> m.get("month"), m -> m.get("opened"), m -> m.get("closed"), m -> m.get("paid"),
        m -> m.get("written_off")).containsExactly(
            org.assertj.core.groups.Tuple.tuple("2019-01", 1, 1, 1, 0),
            org.assertj.core.groups.Tuple.tuple("2019-02", 1, 0, 0, 0),
            org.assertj.core.groups.Tuple.tuple("2019-03", 1, 1, 0, 1));
  }

  @Test
  void recoveryAndDaysToCloseByStrategyDepartmentAndCollector() {
    // C1: 1000 of 1000 recovered in 20 days; C2: 1500 of 2000 in 30 days
    assertThat(row(rows(kpi("recovery", PERIOD + "&by=strategy")), "strategy", "STANDARD_DUNNING"))
        .containsEntry("cases_closed", 1).containsEntry("recovery_rate", 100.0).containsEntry("avg_days_to_close", 20.0);
    assertThat(row(rows(kpi("recovery", PERIOD + "&by=department")), "department", "finance"))
        .containsEntry("recovery_rate", 75.0).containsEntry("avg_days_to_close", 30.0);
    assertThat(row(rows(kpi("recovery", PERIOD + "&by=collector")), "collector", "sally"))
        .containsEntry("cases_closed", 2).containsEntry("recovery_rate", 87.5).containsEntry("avg_days_to_close", 25.0);

    ResponseEntity<String> csv = rest.withBasicAuth("frank", "frank")
        .getForEntity("/api/reports/kpis/recovery?" + PERIOD + "&by=collector&format=csv", String.class);
    assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/csv"))).isTrue();
    assertThat(csv.getBody()).startsWith("collector,cases_closed,recovery_rate,avg_days_to_close\r\n")
        .contains("\r\nfrank,1,75.0,30.0\r\n", "\r\nsally,2,87.5,25.0\r\n");
  }

  @Test
  void openTasksAddUpPerDepartment() {
    assertThat(rows(kpi("open-tasks", ""))).extracting(r -> r.get("department")).containsExactly("sales", "finance", "legal");
    assertThat(rows(kpi("open-tasks", ""))).allSatisfy(r -> assertThat((int) r.get("open")).isEqualTo(
        (int) r.get("not_overdue") + (int) r.get("overdue_1_7_days") + (int) r.get("overdue_8_30_days")
            + (int) r.get("overdue_over_30_days")));
  }

  @Test
  void badFiltersGetAProblemDetail() {
    for (String query : List.of("receivables?from=2019-04-01&to=2019-03-01", "cases?department=marketing",
        "recovery?by=weather", "aging?format=xlsx", "cases?from=2000-01-01&to=2019-01-01", "aging?to=yesterday")) {
      ResponseEntity<String> response = rest.withBasicAuth("frank", "frank").getForEntity("/api/reports/kpis/" + query, String.class);
      assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getHeaders().getContentType()).as(query).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(rest.withBasicAuth("frank", "frank").getForEntity("/api/reports/kpis/happiness", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void salesGetNoCompanyWideFigures() {
    assertThat(rest.withBasicAuth("sally", "sally").getForEntity("/api/reports/kpis/aging", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  // --- the API

  private Map<String, Object> kpi(String name, String query) {
    ResponseEntity<Map> response = rest.withBasicAuth("audrey", "audrey")
        .getForEntity("/api/reports/kpis/" + name + "?" + query, Map.class);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Map<String, Object> table) {
    return (List<Map<String, Object>>) table.get("rows");
  }

  private static Map<String, Object> row(Map<String, Object> table, String column, String value) {
    return row(rows(table), column, value);
  }

  private static Map<String, Object> row(List<Map<String, Object>> rows, String column, String value) {
    return rows.stream().filter(r -> value.equals(r.get(column))).findFirst()
        .orElseThrow(() -> new AssertionError("No row with " + column + " " + value + " in " + rows));
  }
}
