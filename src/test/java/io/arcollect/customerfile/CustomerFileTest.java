package io.arcollect.customerfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcollect.casework.CaseWorld;
import io.arcollect.casework.CaseWorld.Case;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customer file through its API, as the page uses it: what it shows, who sees which customer, and the ad-hoc
 * call, note, promise and dispute that go through the case's event sub-process "Ad-hoc contact" while the case's
 * open task stays where it is.
 */
@ArcollectSpringBootTest
class CustomerFileTest {

  @Autowired TestRestTemplate rest;
  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ObjectMapper json;
  private CaseWorld world;

  @BeforeEach
  void init() {
    world = new CaseWorld(context);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void salesLogsACallFromTheCustomerFileAndTheCasesTaskStaysOpen() throws Exception {
    Case c = world.openCase("KEY", "sally", "Software", 400, 600);
    Task call = world.task(c);

    ResponseEntity<String> logged = post("sally", c.account(),
        Map.of("kind", "CALL", "channel", "PHONE", "outcome", "REACHED", "notes", "Customer called back about the audit"));
    assertThat(logged.getStatusCode()).as(logged.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(json.readTree(logged.getBody()).path("caseNumber").asText()).isEqualTo(c.number());

    Task still = world.task(c);
    assertThat(still.getId()).as("the open task is the same").isEqualTo(call.getId());
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(c.instance().getId())
        .activityId("Task_LogAdHocContact").finished().count()).as("it went through the model").isOne();
    assertThat(runtime.getVariable(c.instance().getId(), "adHocKind")).as("its variables stay in the sub-process").isNull();
    assertThat(jdbc.queryForList("select user_id, channel, outcome, notes, template from contact_log where case_number = ? "
        + "and template = 'ad-hoc-call'", c.number())).singleElement().satisfies(row -> {
          assertThat(row.get("user_id")).isEqualTo("sally");
          assertThat(row.get("channel")).isEqualTo("PHONE");
          assertThat(row.get("outcome")).isEqualTo("REACHED");
          assertThat(row.get("notes")).isEqualTo("Customer called back about the audit");
        });
    JsonNode trail = json.readTree(rest.withBasicAuth("sally", "sally").getForObject("/api/cases/" + c.number() + "/trail",
        String.class));
    assertThat(trail.findParents("summary")).as("the call is in the case trail, as sally's")
        .anySatisfy(entry -> {
          assertThat(entry.path("actor").asText()).isEqualTo("sally");
          assertThat(entry.path("summary").asText()).contains("Customer called back about the audit");
        });

    JsonNode file = file("sally", c.account());
    assertThat(file.path("openCase").asText()).isEqualTo(c.number());
    assertThat(file.path("mayLog").asBoolean()).isTrue();
    assertThat(file.path("contactLog").get(0).path("notes").asText()).isEqualTo("Customer called back about the audit");
    assertThat(file.path("invoices")).hasSize(2);
    assertThat(file.path("invoices").get(0).path("overdue").asBoolean()).isTrue();
    assertThat(file.path("credit").path("exposure").decimalValue()).isEqualByComparingTo("1000");
    assertThat(file.path("credit").path("paidInvoiceCount").asInt()).isEqualTo(6);
    assertThat(file.path("credit").path("grade").asText()).isNotBlank();
    assertThat(file.path("customer").path("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(file.path("customer").path("localTime").asText()).matches("\\d\\d:\\d\\d");
    assertThat(file.path("cases").get(0).path("stage").asText()).isEqualTo("INITIAL_CONTACT");
  }

  @Test
  void aPromiseFromTheCustomerFileIsCheckedOnItsOwnAndLeavesTheCasesStepAlone() throws Exception {
    Case c = world.openCase("KEY", "sally", "Software", 400, 600);
    Task call = world.task(c);
    String date = world.today().plusDays(5).toString();

    ResponseEntity<String> logged = post("sally", c.account(),
        Map.of("kind", "PROMISE", "channel", "PHONE", "promisedAmount", 400, "promisedDate", date));
    assertThat(logged.getStatusCode()).as(logged.getBody()).isEqualTo(HttpStatus.CREATED);

    assertThat(world.task(c).getId()).isEqualTo(call.getId());
    assertThat(world.isWaitingAt(c, "Timer_AdHocPromisedDate")).isTrue();
    assertThat(runtime.getVariable(c.instance().getId(), "promisedAmount")).as("the case's own promise is untouched").isNull();
    assertThat(jdbc.queryForObject("select outcome from contact_log where case_number = ? and template = 'ad-hoc-promise'",
        String.class, c.number())).isEqualTo("PROMISE_TO_PAY");
    JsonNode promise = file("sally", c.account()).path("promises").get(0);
    assertThat(promise.path("promisedDate").asText()).isEqualTo(date);
    assertThat(promise.path("state").asText()).isEqualTo("OPEN");

    // no money comes: the promise is broken, the call still waits
    world.passTimer(c, "Timer_AdHocPromisedDate");
    assertThat(file("sally", c.account()).path("promises").get(0).path("state").asText()).isEqualTo("BROKEN");
    assertThat(world.task(c).getId()).isEqualTo(call.getId());
  }

  @Test
  void aDisputeTicksInvoicesOfTheCaseAndBadEntriesChangeNothing() throws Exception {
    Case c = world.openCase("STANDARD", null, "Software", 400, 600);
    int contacts = contacts(c);

    ResponseEntity<String> foreign = post("frank", c.account(),
        Map.of("kind", "DISPUTE", "invoices", List.of(c.account() + "-1", "NOPE-1"), "notes", "Wrong quantity"));
    assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(foreign.getBody()).path("detail").asText()).contains("NOPE-1").doesNotContain("Exception");
    ResponseEntity<String> noAmount = post("frank", c.account(), Map.of("kind", "PROMISE", "promisedDate",
        world.today().plusDays(3).toString()));
    assertThat(noAmount.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(noAmount.getBody()).path("detail").asText()).contains("amount");
    ResponseEntity<String> tooMuch = post("frank", c.account(), Map.of("kind", "PROMISE", "promisedAmount", 5000,
        "promisedDate", world.today().plusDays(3).toString()));
    assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post("frank", c.account(), Map.of("kind", "CALL", "outcome", "SHOUTED")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(contacts(c)).as("nothing half-written").isEqualTo(contacts);

    ResponseEntity<String> dispute = post("frank", c.account(),
        Map.of("kind", "DISPUTE", "invoices", List.of(c.account() + "-2"), "notes", "Wrong quantity delivered"));
    assertThat(dispute.getStatusCode()).as(dispute.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode invoices = file("frank", c.account()).path("invoices");
    assertThat(invoices.get(0).path("disputed").asBoolean()).isFalse();
    assertThat(invoices.get(1).path("disputed").asBoolean()).isTrue();
    assertThat(invoices.get(1).path("disputeReason").asText()).isEqualTo("Wrong quantity delivered");
    assertThat(world.isWaitingAt(c, "Task_InitialContact")).isTrue();
  }

  @Test
  void salesSeeTheirOwnCustomersFilesAuditorsReadAndACaselessCustomerTakesNotesOnly() throws Exception {
    Case own = world.openCase("KEY", "sally", "Software", 400, 600);
    Case others = world.openCase("STANDARD", "sam", "Software", 400, 600);

    assertThat(get("sally", "/api/customer-file/" + own.account()).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> refused = get("sally", "/api/customer-file/" + others.account());
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json.readTree(refused.getBody()).path("detail").asText()).contains("not one of your accounts");
    assertThat(post("sally", others.account(), Map.of("kind", "NOTE", "notes", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> unknown = get("sally", "/api/customer-file/NO-SUCH-ACCOUNT");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json.readTree(unknown.getBody()).path("detail").asText()).contains("no customer with account number");
    assertThat(get("sally", "/api/customer-file?q=" + own.account()).getBody()).contains(own.account());
    assertThat(get("sally", "/api/customer-file?q=" + others.account()).getBody()).isEqualTo("[]");
    assertThat(get("frank", "/api/customer-file?q=" + others.account()).getBody()).contains(others.account());

    assertThat(file("audrey", others.account()).path("mayLog").asBoolean()).isFalse();
    assertThat(post("audrey", others.account(), Map.of("kind", "NOTE", "notes", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    String account = "NOCASE-" + System.nanoTime() % 100000;
    jdbc.update("insert into customers (account_number, name, tier, industry, currency, language, time_zone, account_owner) "
        + "values (?, ?, 'STANDARD', 'Retail', 'EUR', 'de', 'Europe/Berlin', 'sally')", account, "Quiet GmbH");
    ResponseEntity<String> call = post("sally", account, Map.of("kind", "CALL", "outcome", "REACHED"));
    assertThat(call.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(call.getBody()).path("detail").asText()).contains("only a note");
    assertThat(post("sally", account, Map.of("kind", "NOTE", "notes", "Asked for a new price list")).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    JsonNode file = file("sally", account);
    assertThat(file.path("openCase").isNull()).isTrue();
    assertThat(file.path("contactLog").get(0).path("notes").asText()).isEqualTo("Asked for a new price list");
    assertThat(file.path("credit").path("grade").isNull()).isTrue();
  }

  @Test
  void thePagesTextsFollowTheBrowsersLanguage() throws Exception {
    JsonNode english = texts("en-US,en;q=0.9");
    JsonNode chinese = texts("zh-CN,zh;q=0.9,en;q=0.8");
    assertThat(english.path("language").asText()).isEqualTo("en");
    assertThat(english.path("texts").path("title").asText()).isEqualTo("Customer file");
    assertThat(chinese.path("language").asText()).isEqualTo("zh");
    assertThat(chinese.path("texts").path("title").asText()).isEqualTo("客户档案");
    assertThat(texts("de-DE").path("language").asText()).as("other languages get English").isEqualTo("en");
    List<String> englishKeys = new java.util.ArrayList<>();
    english.path("texts").fieldNames().forEachRemaining(englishKeys::add);
    List<String> chineseKeys = new java.util.ArrayList<>();
    chinese.path("texts").fieldNames().forEachRemaining(chineseKeys::add);
    assertThat(chineseKeys).as("every text in both languages").containsExactlyElementsOf(englishKeys);
    chineseKeys.forEach(key -> assertThat(chinese.path("texts").path(key).asText())
        .as(key).isNotEqualTo(english.path("texts").path(key).asText()));
  }

  private int contacts(Case c) {
    return jdbc.queryForObject("select count(*) from contact_log where customer_id = ?", Integer.class, c.customerId());
  }

  private JsonNode texts(String acceptLanguage) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
    return json.readTree(rest.withBasicAuth("sally", "sally").exchange("/api/customer-file/texts", HttpMethod.GET,
        new HttpEntity<>(headers), String.class).getBody());
  }

  private JsonNode file(String user, String account) throws Exception {
    ResponseEntity<String> answer = get(user, "/api/customer-file/" + account);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(answer.getBody());
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, user).getForEntity(path, String.class);
  }

  private ResponseEntity<String> post(String user, String account, Map<String, Object> entry) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange("/api/customer-file/" + account + "/contacts", HttpMethod.POST,
        new HttpEntity<>(json.writeValueAsString(entry), headers), String.class);
  }
}
