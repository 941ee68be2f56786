package io.arcollect.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13, "case opening is Java, not the model": a process owner adds a 5-day grace period (and a reminder-only row
 * for small balances) to processes/case-opening.dmn and deploys only that file through the REST API, as the README's
 * worked example does; the next sweep, started through {@code POST /api/aging-sweep}, honours it without a restart,
 * and no case row exists for an account the model held back.
 */
@ArcollectSpringBootTest
class CaseOpeningRedeploymentTest {

  /** The rows the README's worked example adds above the last row (as Modeler writes them). */
  static final String GRACE_AND_REMINDER_ROWS = """
      <rule id="Rule_GracePeriod">
        <description>Grace: no case until the oldest invoice is 5 days past due.</description>
        <inputEntry id="InputEntry_GracePeriod_1"><text>-</text></inputEntry>
        <inputEntry id="InputEntry_GracePeriod_2"><text>-</text></inputEntry>
        <inputEntry id="InputEntry_GracePeriod_3"><text>&lt; 5</text></inputEntry>
        <inputEntry id="InputEntry_GracePeriod_4"><text>-</text></inputEntry>
        <outputEntry id="OutputEntry_GracePeriod_1"><text>"WAIT"</text></outputEntry>
      </rule>
      <rule id="Rule_SmallBalanceReminder">
        <description>Small balances get an automatic reminder, no case.</description>
        <inputEntry id="InputEntry_SmallBalanceReminder_1"><text>-</text></inputEntry>
        <inputEntry id="InputEntry_SmallBalanceReminder_2"><text>-</text></inputEntry>
        <inputEntry id="InputEntry_SmallBalanceReminder_3"><text>-</text></inputEntry>
        <inputEntry id="InputEntry_SmallBalanceReminder_4"><text>&lt; 50</text></inputEntry>
        <outputEntry id="OutputEntry_SmallBalanceReminder_1"><text>"REMIND_ONLY"</text></outputEntry>
      </rule>
      """;

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;

  private final List<String> testDeployments = new ArrayList<>();

  /** The whole run shares the database and the latest version wins: later sweeps get the shipped model back. */
  @AfterEach
  void restoreTheShippedDecision() {
    testDeployments.forEach(id -> repository.deleteDeployment(id, true));
  }

  @Test
  void aFiveDayGraceDeployedAsDmnOnlyIsHonouredByTheNextSweep() throws Exception {
    // the shipped model opens a case from the first day past due
    String control = account("CO-SHIPPED", 3, 400);
    assertThat(sweep()).containsEntry("waiting", 0).containsEntry("remindersOnly", 0);
    assertThat(openCases(control)).isEqualTo(1);
    int shipped = latestVersion();

    JsonNode deployment = deployAsProcessOwner(shippedModel().replace("<rule id=\"Rule_OpenCase\">",
        GRACE_AND_REMINDER_ROWS + "      <rule id=\"Rule_OpenCase\">"));
    assertThat(deployment.path("deployedDecisionDefinitions")).anySatisfy(definition -> {
      assertThat(definition.path("key").asText()).isEqualTo(CaseOpeningDecision.DECISION_KEY);
      assertThat(definition.path("version").asInt()).isEqualTo(shipped + 1);
    });

    String threeDays = account("CO-3D", 3, 400);
    String fiveDays = account("CO-5D", 5, 400);
    String small = account("CO-SMALL", 8, 30);
    Map<String, Object> result = sweep();

    assertThat(openCases(threeDays)).as("3 days past due: within the grace, no case row").isZero();
    assertThat(openCases(fiveDays)).as("5 days past due: the grace is over").isEqualTo(1);
    assertThat(openCases(small)).as("USD 30: reminder only, no case").isZero();
    assertThat((Integer) result.get("waiting")).isGreaterThanOrEqualTo(1);
    assertThat((Integer) result.get("remindersOnly")).isGreaterThanOrEqualTo(1);

    // two days later the 3-day account is 5 days past due: the next sweep opens its case
    jdbc.update("update invoices set due_date = ? where invoice_number = ?", Date.valueOf(today().minusDays(5)),
        threeDays + "-1");
    sweep();
    assertThat(openCases(threeDays)).isEqualTo(1);
    assertThat(openCases(small)).isZero();
  }

  @Test
  void theShippedModelIsTheReadmesStartingPoint() throws Exception {
    // the worked example's rows go in above the last row; the last row opens a case for everyone else
    assertThat(shippedModel()).contains("<rule id=\"Rule_OpenCase\">", "hitPolicy=\"FIRST\"", "name=\"caseOpening\"");
    assertThat(Files.readString(Path.of("README.md"))).contains("Rule_GracePeriod", "&lt; 5", "case-opening.dmn");
  }

  private Map<String, Object> sweep() {
    ResponseEntity<Map> response = rest.withBasicAuth("frank", "frank").postForEntity("/api/aging-sweep", null, Map.class);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  /** A standard customer (no payment history: grade B) with one invoice {@code days} past due. */
  private String account(String prefix, int days, int amount) {
    String account = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.update("insert into customers (account_number, name, tier, industry, currency, language, time_zone) "
        + "values (?, ?, 'STANDARD', 'Software', 'USD', 'en', 'Europe/Berlin')", account, "Customer " + account);
    long id = jdbc.queryForObject("select id from customers where account_number = ?", Long.class, account);
    LocalDate due = today().minusDays(days);
    jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, currency, status) "
        + "values (?, ?, ?, ?, ?, ?, 'USD', 'OPEN')", account + "-1", id, Date.valueOf(due.minusDays(30)), Date.valueOf(due),
        amount, amount);
    return account;
  }

  private long openCases(String account) {
    return jdbc.queryForObject("select count(*) from collection_cases where customer_account = ? and status = 'OPEN'",
        Long.class, account);
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.now().toInstant(), ZoneId.systemDefault());
  }

  private static String shippedModel() throws Exception {
    return Files.readString(Path.of("processes/case-opening.dmn"));
  }

  private int latestVersion() {
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey(CaseOpeningDecision.DECISION_KEY)
        .latestVersion().singleResult().getVersion();
  }

  /** What {@code curl -u paula:paula -F deployment-name=case-opening -F data=@processes/case-opening.dmn} sends. */
  private JsonNode deployAsProcessOwner(String dmn) throws Exception {
    String boundary = "----arcollect" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(formField(boundary, "deployment-name", "case-opening"));
    body.writeBytes(formField(boundary, "deploy-changed-only", "true"));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"case-opening.dmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(dmn.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("paula:paula".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode deployment = new ObjectMapper().readTree(response.body());
    testDeployments.add(deployment.path("id").asText());
    return deployment;
  }

  private static byte[] formField(String boundary, String name, String value) {
    return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
