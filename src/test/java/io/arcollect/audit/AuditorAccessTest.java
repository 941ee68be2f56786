package io.arcollect.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcollect.casework.CaseWorld;
import io.arcollect.casework.CaseWorld.Case;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Auditors read trails, KPIs and the dashboard, and change nothing: no task work, no ledger changes. Sales see
 * only their own customers' cases.
 */
@ArcollectSpringBootTest
class AuditorAccessTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired ApplicationContext context;
  @Autowired TaskService tasks;
  private CaseWorld world;

  @BeforeEach
  void init() {
    world = new CaseWorld(context);
  }

  @Test
  void anAuditorReadsTheTrailAndTheKpisButCanNeitherWorkTheCaseNorChangeTheLedger() {
    Case c = world.openCase("STANDARD", null, "Software", 400, 600);
    Task call = world.task(c);
    TestRestTemplate audrey = rest.withBasicAuth("audrey", "audrey");

    assertThat(audrey.getForEntity("/api/cases/" + c.number() + "/trail", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(audrey.getForEntity("/api/cases/" + c.number(), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(audrey.getForEntity("/api/reports/kpis/open-tasks", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

    // as Tasklist does it: the auditor's own Camunda authorizations apply
    world.login("audrey");
    try {
      assertThatThrownBy(() -> tasks.claim(call.getId(), "audrey")).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> tasks.complete(call.getId(), Map.of("contactOutcome", "REACHED")))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> tasks.setVariable(call.getId(), "contactOutcome", "REACHED"))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      world.logout();
    }
    assertThat(post(audrey, "/api/payments", "{\"bankReference\":\"AUDIT-1\",\"valueDate\":\"2026-03-02\","
        + "\"amount\":1000,\"currency\":\"USD\",\"remittanceText\":\"" + c.account() + "-1\"}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(tasks.createTaskQuery().taskId(call.getId()).count()).as("the call still waits").isOne();
    assertThat(world.record(c).getOutstandingAmount()).isEqualByComparingTo("1000");
  }

  @Test
  void anAuditorLogsInToTheDashboardWhoseSessionReadsTheApiButCannotChangeAnything() throws Exception {
    Browser browser = new Browser();
    assertThat(browser.get("/dashboard/").statusCode()).as("the dashboard asks for a login").isEqualTo(302);

    browser.login("audrey");
    HttpResponse<String> page = browser.get("/dashboard/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("ArCollect dashboard", "/webjars/chart.js/dist/chart.umd.js");
    assertThat(browser.get("/webjars/chart.js/dist/chart.umd.js").statusCode()).as("Chart.js served locally").isEqualTo(200);
    assertThat(browser.get("/api/reports/kpis/aging").statusCode()).as("the session reads the API").isEqualTo(200);
    assertThat(browser.post("/api/payments", "{}").statusCode()).as("no change without a CSRF token").isEqualTo(403);
  }

  @Test
  void salesAreKeptOffTheDashboard() throws Exception {
    Browser browser = new Browser();
    browser.login("sally");
    assertThat(browser.get("/dashboard/").statusCode()).isEqualTo(403);
  }

  @Test
  void salesSeeOnlyTheirOwnCustomersCasesAndTheirQueues() {
    Case own = world.openCase("KEY", "sally", "Software", 400, 600);
    // nobody's customer, its call in the finance queue: not sally's (a sales queue's case she would see)
    Case others = world.openCaseOverCreditLimit(null);
    TestRestTemplate sally = rest.withBasicAuth("sally", "sally");

    assertThat(sally.getForObject("/api/cases?size=1000", String.class)).contains(own.number()).doesNotContain(others.number());
    assertThat(sally.getForEntity("/api/cases/" + own.number(), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(sally.getForEntity("/api/cases/" + others.number(), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(sally.getForEntity("/api/cases/" + own.number() + "/trail", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(sally.getForEntity("/api/cases/" + others.number() + "/trail", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth("frank", "frank").getForObject("/api/cases?size=1000", String.class))
        .contains(own.number(), others.number());
  }

  @Test
  void theCaseHistoryPageAsksForALoginAndShowsSalesOnlyTheCasesTheyMaySee() throws Exception {
    Case own = world.openCase("KEY", "sally", "Software", 400, 600);
    Case others = world.openCaseOverCreditLimit(null);
    Browser browser = new Browser();
    assertThat(browser.get("/case-history/").statusCode()).as("the page asks for a login").isEqualTo(302);

    browser.login("sally");
    HttpResponse<String> page = browser.get("/case-history/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("ArCollect case history", "/webjars/bpmn-js/dist/bpmn-navigated-viewer.production.min.js");
    assertThat(browser.get("/webjars/bpmn-js/dist/bpmn-navigated-viewer.production.min.js").statusCode())
        .as("bpmn-js served locally").isEqualTo(200);
    assertThat(browser.get("/api/case-history?q=C").body()).as("sales find only the cases they may see")
        .contains(own.number()).doesNotContain(others.number());
    assertThat(browser.get("/api/cases/" + others.number() + "/path").statusCode()).isEqualTo(404);
    assertThat(browser.get("/api/cases/" + others.number() + "/diagram").statusCode()).isEqualTo(404);

    TestRestTemplate larry = rest.withBasicAuth("larry", "larry");
    assertThat(larry.getForObject("/api/case-history?q=" + others.account().toLowerCase(java.util.Locale.ROOT), String.class))
        .as("legal find any case, by customer account ignoring case").contains(others.number());
    assertThat(larry.getForObject("/api/case-history?q=" + others.number() + "&from=2000-01-01&to=2000-12-31", String.class))
        .as("not open in that period").isEqualTo("[]");
    ResponseEntity<String> badDate = larry.getForEntity("/api/case-history?from=yesterday", String.class);
    assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badDate.getBody()).contains("from must be a date");
    assertThat(larry.getForObject("/api/cases/" + others.number() + "/diagram", String.class))
        .contains("id=\"Task_InitialContact\"", "bpmndi:BPMNDiagram");
    Map<?, ?> path = larry.getForObject("/api/cases/" + others.number() + "/path", Map.class);
    assertThat((Map<String, Object>) path.get("counts")).containsEntry("Task_ChooseStrategy", 1);
    assertThat((java.util.List<String>) path.get("active")).contains("Task_InitialContact");
    assertThat((java.util.List<String>) path.get("flowsTaken")).contains("Flow_ToStrategy", "Flow_ToApplyStrategy");
  }

  private static ResponseEntity<String> post(TestRestTemplate client, String url, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return client.exchange(url, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
  }

  /** A browser's cookies and the dashboard's login form, without a browser. */
  private final class Browser {
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();

    void login(String user) throws Exception {
      Matcher token = CSRF.matcher(get("/login").body());
      assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
      String form = "username=" + user + "&password=" + user + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
      HttpResponse<String> loggedIn = http.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(loggedIn.headers().firstValue("Location")).get().asString().doesNotContain("error");
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
      return http.send(request(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }
  }
}
