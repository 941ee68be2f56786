package io.arcollect.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcollect.audit.CaseTrail;
import io.arcollect.audit.TrailEntry;
import io.arcollect.casework.CaseWorld;
import io.arcollect.casework.CaseWorld.Case;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
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
 * Task handling as the people do it, through Camunda's REST API (what Tasklist calls) with their own logins, never
 * admin: unclaim, hand on within the department, delegate, the team lead reassigning, four eyes at claim time with
 * the refusal in the contact log, comments in the trail, the list columns collectors can read, the demand letter
 * sent back to calls.
 */
@ArcollectSpringBootTest
class TaskHandlingTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseTrail trail;
  @Autowired ApplicationContext context;
  private CaseWorld world;

  @BeforeEach
  void init() {
    world = new CaseWorld(context);
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2026-03-02T09:00:00Z")));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  @Test
  void sallyUnclaimsAndHandsOnHerOwnTaskTheSalesLeadReassignsAnyAndFinanceCannotTouchIt() throws Exception {
    Case c = world.openCase("STANDARD", null, "Software", 400, 600);
    String call = world.task(c).getId();

    assertThat(post("sally", "/task/" + call + "/claim", Map.of("userId", "sally")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("sally", "/task/" + call + "/unclaim", Map.of()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(world.task(c).getAssignee()).as("unclaimed").isNull();

    post("sally", "/task/" + call + "/claim", Map.of("userId", "sally"));
    ResponseEntity<String> toFinance = post("sally", "/task/" + call + "/assignee", Map.of("userId", "frank"));
    assertThat(toFinance.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(toFinance)).contains("frank is not in Sales").doesNotContainPattern("[A-Z]+-\\d{5}");
    assertThat(world.task(c).getAssignee()).isEqualTo("sally");

    assertThat(post("sally", "/task/" + call + "/delegate", Map.of("userId", "sam")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(world.task(c).getAssignee()).isEqualTo("sam");
    assertThat(world.task(c).getOwner()).isEqualTo("sally");
    assertThat(post("sam", "/task/" + call + "/resolve", Map.of()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(world.task(c).getAssignee()).as("back with sally after sam resolved it").isEqualTo("sally");

    assertThat(post("sally", "/task/" + call + "/assignee", Map.of("userId", "sam")).getStatusCode())
        .as("handed to a colleague of sales").isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<String> takeBack = post("sally", "/task/" + call + "/assignee", Map.of("userId", "sally"));
    assertThat(takeBack.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(message(takeBack)).contains("This task is sam's", "team lead of Sales");
    ResponseEntity<String> claimed = post("sally", "/task/" + call + "/claim", Map.of("userId", "sally"));
    assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(message(claimed)).isEqualTo("This task has already been claimed by sam.");

    assertThat(post("sam", "/task/" + call + "/assignee", Map.of("userId", "sally")).getStatusCode())
        .as("the sales lead reassigns").isEqualTo(HttpStatus.NO_CONTENT);
    post("sally", "/task/" + call + "/claim", Map.of("userId", "sally"));
    assertThat(post("sam", "/task/" + call + "/unclaim", Map.of()).getStatusCode())
        .as("the lead frees sally's task").isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(world.task(c).getAssignee()).isNull();

    ResponseEntity<String> frank = post("frank", "/task/" + call + "/assignee", Map.of("userId", "frank"));
    assertThat(frank.getStatusCode().is4xxClientError()).as("finance may not take a sales task: " + frank).isTrue();
    assertThat(world.task(c).getAssignee()).isNull();
  }

  @Test
  void theRecorderOfAPlanCannotClaimItsApprovalTheRefusalIsLoggedAndFionaApproves() throws Exception {
    Case c = world.openCase("STANDARD", null, "Software", 6000, 6000);
    world.complete(c, "sally", Map.of("contactOutcome", "HARDSHIP"));
    world.complete(c, "frank", Map.of("planDownPayment", 2000, "planInstalmentCount", 2,
        "planFirstDueDate", "2026-04-01", "planIntervalDays", 30));
    assertThat(world.isWaitingAt(c, "Task_ApproveInstalmentPlan")).isTrue();
    String approval = world.task(c).getId();

    ResponseEntity<String> refused = post("frank", "/task/" + approval + "/claim", Map.of("userId", "frank"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(message(refused)).startsWith("Four eyes: you (frank) recorded this instalment plan")
        .doesNotContain("ENGINE-", "Exception");
    assertThat(world.task(c).getAssignee()).as("the task stays free").isNull();
    assertThat(jdbc.queryForList("select user_id, channel, outcome, notes from contact_log where case_number = ? "
        + "and outcome = 'REFUSED'", c.number())).singleElement().satisfies(row -> {
          assertThat(row.get("user_id")).isEqualTo("frank");
          assertThat(row.get("channel")).isEqualTo("INTERNAL");
          assertThat(row.get("notes").toString()).contains("Four eyes");
        });
    assertThat(trail.of(world.record(c))).anySatisfy(entry -> {
      assertThat(entry.kind()).isEqualTo(TrailEntry.Kind.REFUSED);
      assertThat(entry.actor()).isEqualTo("frank");
    });

    ResponseEntity<String> toFrank = post("fred", "/task/" + approval + "/assignee", Map.of("userId", "frank"));
    assertThat(toFrank.getStatusCode()).as("not even the lead can give it to him").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("fiona", "/task/" + approval + "/claim", Map.of("userId", "fiona")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("fiona", "/task/" + approval + "/complete",
        Map.of("variables", Map.of("planApproval", Map.of("value", "APPROVED")))).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    world.runJobs(c);
    assertThat(world.isWaitingAt(c, "Task_ApproveInstalmentPlan")).isFalse();
    assertThat(jdbc.queryForObject("select count(*) from contact_log where case_number = ? and user_id = 'fiona' "
        + "and outcome = 'APPROVED'", Integer.class, c.number())).isOne();
  }

  @Test
  void collectorsCommentOnTheirTasksAndReadTheListColumns() throws Exception {
    Case c = world.openCase("STANDARD", null, "Software", 400, 600);
    Task call = world.task(c);

    ResponseEntity<String> comment = post("sally", "/task/" + call.getId() + "/comment/create",
        Map.of("message", "Customer called in: pays on Friday"));
    assertThat(comment.getStatusCode()).as(comment.getBody()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> comments = get("sally", "/task/" + call.getId() + "/comment", MediaType.APPLICATION_JSON);
    assertThat(comments.getBody()).contains("pays on Friday");
    assertThat(trail.of(world.record(c))).anySatisfy(entry -> {
      assertThat(entry.kind()).isEqualTo(TrailEntry.Kind.COMMENT);
      assertThat(entry.actor()).isEqualTo("sally");
      assertThat(entry.summary()).contains("pays on Friday");
    });

    String department = filters.createFilterQuery().filterName("My department").singleResult().getId();
    ResponseEntity<String> list = get("sally", "/filter/" + department + "/list?firstResult=0&maxResults=200",
        MediaType.parseMediaType("application/hal+json"));
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode task = null;
    for (JsonNode t : JSON.readTree(list.getBody()).path("_embedded").path("task")) {
      if (t.path("id").asText().equals(call.getId())) {
        task = t;
      }
    }
    assertThat(task).as("sally's department list has the call").isNotNull();
    Map<String, String> columns = new java.util.HashMap<>();
    task.path("_embedded").path("variable").forEach(v -> columns.put(v.path("name").asText(), v.path("value").asText()));
    assertThat(columns).containsEntry("caseNumber", c.number()).containsEntry("customerName", "Customer " + c.account())
        .containsEntry("outstandingDisplay", "USD 1,000.00").containsKeys("daysPastDue", "strategyName");
  }

  @Test
  void financeSendsTheDemandLetterBackToFollowUpCallsWithAReason() {
    Case c = world.openCase("STANDARD", null, "Software", 400, 600);
    world.complete(c, "sally", Map.of("contactOutcome", "REFUSES", "notes", "Not now"));
    assertThat(world.isWaitingAt(c, "Task_ApproveDemandLetter")).isTrue();

    world.complete(c, "fiona", Map.of("demandLetterDecision", "SEND_BACK",
        "sendBackReason", "Customer announced a payment on Friday: call once more"));

    assertThat(world.isWaitingAt(c, "Task_FollowUpCall")).isTrue();
    assertThat(jdbc.queryForObject("select count(*) from case_events where case_number = ? and event = 'CREDIT_HOLD_PLACED'",
        Integer.class, c.number())).as("no credit hold").isZero();
    assertThat(jdbc.queryForObject("select notes from contact_log where case_number = ? and user_id = 'fiona'",
        String.class, c.number())).contains("announced a payment on Friday");
    assertThat(tasks.getVariable(world.task(c).getId(), "recentContacts").toString()).contains("Send back", "announced a payment");
  }

  @Test
  void screensCollectorsReachAnswerInWords() throws Exception {
    HttpHeaders html = new HttpHeaders();
    html.setAccept(List.of(MediaType.TEXT_HTML));
    ResponseEntity<String> missing = rest.exchange("/no-such-page", HttpMethod.GET, new HttpEntity<>(html), String.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getBody()).contains("This page does not exist", "页面不存在").doesNotContain("Whitelabel");

    // sally logs in at the dashboard's login form (a browser without redirects): sales may not see the dashboard
    java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
        .cookieHandler(new java.net.CookieManager()).followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
    String base = rest.getRootUri();
    String form = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    String csrf = form.replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
    var loggedIn = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=sally&password=sally&_csrf=" + csrf)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(loggedIn.headers().firstValue("Location").orElse("")).as("logged in").doesNotContain("error");
    var dashboard = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/dashboard/"))
        .header("Accept", "text/html").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(dashboard.statusCode()).isEqualTo(403);
    assertThat(dashboard.body()).contains("You may not open this page", "collectors work in Tasklist", "您无权打开此页面")
        .doesNotContain("Whitelabel", "Exception");
  }

  private ResponseEntity<String> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange("/engine-rest" + path, HttpMethod.POST,
        new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<String> get(String user, String path, MediaType accept) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(accept));
    return rest.withBasicAuth(user, user).exchange("/engine-rest" + path, HttpMethod.GET, new HttpEntity<>(headers),
        String.class);
  }

  private static String message(ResponseEntity<String> answer) throws Exception {
    return JSON.readTree(answer.getBody()).path("detail").asText();
  }
}
