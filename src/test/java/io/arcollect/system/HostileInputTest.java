package io.arcollect.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcollect.casework.CaseWorld;
import io.arcollect.casework.CaseWorld.Case;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hostile input, data-driven (src/test/resources/hostile/, written by scripts/hostile-inputs.py): task submissions
 * of every case step with wrong types, ranges, dates, choices, invoices of another customer and texts too long;
 * JSON bodies, CSV imports, camt.053 statements (XXE, entity expansion, not camt), query and path parameters. Each
 * is answered with a 4xx in words (no 5xx, no class names, SQL or engine codes) and leaves the database exactly as
 * it was: every table's row count and the ledger's open amounts are compared before and after.
 */
@ArcollectSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern INTERNALS = Pattern.compile(
      "(?i)exception|\\b(java|javax|jakarta|org\\.camunda|org\\.spring)\\.|\\bsql\\b|ENGINE-\\d|\\bACT_[A-Z]|\\bat [a-z]+\\.[a-z]+\\(");
  private static final Pattern TODAY = Pattern.compile("@today\\+(\\d+)");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired ApplicationContext context;

  private CaseWorld world;
  private final Map<String, Case> cases = new LinkedHashMap<>();
  private final Map<String, String> workers = Map.of("call", "sally", "plan", "frank", "letter", "frank",
      "dispute", "fiona", "approval", "fiona", "legal", "larry", "writeoff", "fiona");

  /**
   * Cases waiting at every step, made once, before the first test's own work: not in a {@code @BeforeAll}, where
   * the process test coverage has no run open yet and refuses every process started ("No active run available").
   */
  @BeforeEach
  void casesAtEveryStep() {
    if (world != null) {
      return;
    }
    ClockUtil.reset();
    world = new CaseWorld(context);
    Case legal = world.openCase("STANDARD", null, "Software", 700, 800);
    world.complete(legal, "sally", Map.of("contactOutcome", "REFUSES"));
    world.complete(legal, "fiona", Map.of("demandLetterDecision", "APPROVED", "noticeDays", 14));
    Case writeOff = world.openCase("STANDARD", null, "Software", 700, 800);
    world.complete(writeOff, "sally", Map.of("contactOutcome", "REFUSES"));
    world.complete(writeOff, "fiona", Map.of("demandLetterDecision", "APPROVED", "noticeDays", 14));
    world.passTimer(legal, "Timer_NoticeDeadline");
    world.passTimer(writeOff, "Timer_NoticeDeadline");
    world.complete(writeOff, "larry", Map.of("legalDecision", "WRITE_OFF", "notes", "Insolvent"));
    cases.put("legal", legal);
    cases.put("writeoff", writeOff);
    // the other steps on today's date again
    ClockUtil.reset();
    Case approval = world.openCase("STANDARD", null, "Software", 6000, 6000);
    world.complete(approval, "sally", Map.of("contactOutcome", "HARDSHIP"));
    world.complete(approval, "frank", Map.of("planDownPayment", 2000, "planInstalmentCount", 2,
        "planFirstDueDate", world.today().plusDays(20).toString(), "planIntervalDays", 30));
    cases.put("approval", approval);
    cases.put("call", world.openCase("KEY", "sally", "Software", 500, 700));
    Case plan = world.openCase("KEY", "sally", "Software", 500, 700);
    world.complete(plan, "sally", Map.of("contactOutcome", "HARDSHIP"));
    cases.put("plan", plan);
    Case letter = world.openCase("KEY", "sally", "Software", 500, 700);
    world.complete(letter, "sally", Map.of("contactOutcome", "REFUSES"));
    cases.put("letter", letter);
    Case dispute = world.openCase("KEY", "sally", "Software", 500, 700);
    world.complete(dispute, "sally", Map.of("contactOutcome", "DISPUTE", "disputedInvoices", dispute.account() + "-1",
        "disputeReason", "Goods damaged"));
    cases.put("dispute", dispute);
    assertThat(world.isWaitingAt(cases.get("call"), "Task_InitialContact")).isTrue();
    assertThat(world.isWaitingAt(plan, "Task_RecordInstalmentPlan")).isTrue();
    assertThat(world.isWaitingAt(letter, "Task_ApproveDemandLetter")).isTrue();
    assertThat(world.isWaitingAt(dispute, "Task_ResolveDispute")).isTrue();
    assertThat(world.isWaitingAt(approval, "Task_ApproveInstalmentPlan")).isTrue();
    assertThat(world.isWaitingAt(legal, "Task_ReviewLegalDossier")).isTrue();
    assertThat(world.isWaitingAt(writeOff, "Task_ApproveWriteOff")).isTrue();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvFileSource(resources = "/hostile/task-submissions.csv", delimiter = '|',
      quoteCharacter = '\u0007', numLinesToSkip = 1, maxCharsPerColumn = 200_000)
  void aBadTaskSubmissionIsRefusedInWordsAndChangesNothing(String step, String what, String variables, int status,
      String label) throws Exception {
    Case c = cases.get(step);
    Task task = world.task(c);
    String before = fingerprint();

    ResponseEntity<String> answer = send("POST", workers.get(step), "/engine-rest/task/" + task.getId() + "/complete",
        "application/json", "{\"variables\":" + fill(variables, c) + "}");

    JsonNode problem = ErrorAnswersTest.problem(answer, status);
    if (label != null) {
      assertThat(problem.get("detail").asText()).as("names the field").contains(label + ":");
    }
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();
    assertThat(fingerprint()).as("nothing changed").isEqualTo(before);
  }

  @ParameterizedTest(name = "{0} {2}")
  @CsvFileSource(resources = "/hostile/requests.csv", delimiter = '|',
      quoteCharacter = '\u0007', numLinesToSkip = 1, maxCharsPerColumn = 200_000)
  void aHostileRequestIsRefusedInWordsAndChangesNothing(String method, String user, String path, String contentType,
      String body) throws Exception {
    Case c = cases.get("call");
    String before = fingerprint();

    ResponseEntity<String> answer = send(method, user, fill(path, c), contentType, body == null ? "" : fill(decode(body), c));

    int status = answer.getStatusCode().value();
    assertThat(status).as("a refusal, not an error or a success: " + answer.getBody()).isBetween(400, 499).isNotEqualTo(401);
    String text = answer.getBody() == null ? "" : answer.getBody();
    assertThat(text).as("no internals").doesNotContainPattern(INTERNALS);
    MediaType type = answer.getHeaders().getContentType();
    if (type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
      JsonNode problem = JSON.readTree(text);
      assertThat(problem.path("detail").asText()).as("a readable message").isNotBlank();
    } else if (!text.isBlank()) {
      assertThat(text).as("a readable message").doesNotContain("Whitelabel");
    }
    assertThat(fingerprint()).as("nothing changed").isEqualTo(before);
  }

  @Test
  void notesOfTenThousandCharactersAreStoredInFullAndAGoodPromiseGoesThrough() {
    Case c = world.openCase("KEY", "sally", "Software", 300, 300);
    Task task = world.task(c);
    String notes = "长".repeat(4000) + "n".repeat(6000);
    String promised = world.today().plusDays(10).toString();

    ResponseEntity<String> answer = send("POST", "sally", "/engine-rest/task/" + task.getId() + "/complete",
        "application/json", "{\"variables\":{\"contactChannel\":{\"value\":\"PHONE\"},\"contactOutcome\":{\"value\":"
            + "\"PROMISE_TO_PAY\"},\"promisedAmount\":{\"value\":600},\"promisedDate\":{\"value\":\"" + promised
            + "\"},\"notes\":{\"value\":\"" + notes + "\"}}}");

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
    assertThat(jdbc.queryForObject("select notes from contact_log where task_id = ?", String.class, task.getId()))
        .isEqualTo(notes);
  }

  @Test
  void aPromiseAboveWhatIsOwedIsRefusedInEnglishAndChinese() throws Exception {
    Case c = cases.get("call");
    ResponseEntity<String> answer = send("POST", "sally", "/engine-rest/task/" + world.task(c).getId() + "/complete",
        "application/json", "{\"variables\":{\"contactOutcome\":{\"value\":\"PROMISE_TO_PAY\"},\"promisedAmount\":"
            + "{\"value\":1200.01},\"promisedDate\":{\"value\":\"" + world.today().plusDays(3) + "\"}}}");
    assertThat(ErrorAnswersTest.problem(answer, 400).get("detail").asText()).isEqualTo(
        "Promised amount: the amount is more than the 1200.00 the customer owes. / 承诺金额：金额超过客户所欠的 1200.00。");
  }

  private String fill(String text, Case c) {
    Matcher days = TODAY.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (days.find()) {
      days.appendReplacement(filled, world.today().plusDays(Long.parseLong(days.group(1))).toString());
    }
    days.appendTail(filled);
    Task task = world.task(c);
    return filled.toString().replace("@invoice", c.account() + "-1").replace("@account", c.account())
        .replace("@case", c.number()).replace("@task", task == null ? "none" : task.getId());
  }

  private static String decode(String body) throws Exception {
    if (body.startsWith("@camt/")) {
      try (InputStream in = HostileInputTest.class.getResourceAsStream("/" + body.substring(1))) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return body.replace("\\n", "\n").replace("\\x00", "\u0000").replace("\\x01", "\u0001").replace("\\x02", "\u0002")
        .replace("\\ufeff", "\ufeff");
  }

  private ResponseEntity<String> send(String method, String user, String path, String contentType, String body) {
    HttpHeaders headers = new HttpHeaders();
    if (contentType != null && !contentType.isBlank()) {
      headers.setContentType(MediaType.parseMediaType(contentType));
    }
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL));
    return rest.withBasicAuth(user, user).exchange(URI.create(rest.getRootUri() + path), HttpMethod.valueOf(method),
        new HttpEntity<>(body == null || body.isEmpty() ? null : body.getBytes(StandardCharsets.UTF_8), headers),
        String.class);
  }

  /**
   * Every table's row count, and the sum of its row versions where it has them (the ledger's and master data's
   * {@code version}, Camunda's {@code REV_}: every update raises them), the ledger's open amounts and disputed
   * invoices: what a half-done write or an update would change.
   */
  private String fingerprint() {
    List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
        + "where table_schema = current_schema and table_type = 'BASE TABLE' order by table_name", String.class);
    Map<String, String> versioned = new java.util.HashMap<>();
    jdbc.queryForList("select table_name, column_name from information_schema.columns where table_schema = "
        + "current_schema and lower(column_name) in ('version', 'rev_') and lower(data_type) in ('bigint', 'integer')").forEach(row -> versioned.put(
            String.valueOf(row.get("table_name")), String.valueOf(row.get("column_name"))));
    StringBuilder print = new StringBuilder();
    for (String table : tables) {
      if (table.toUpperCase().contains("METER_LOG")) {
        continue;
      }
      String column = versioned.get(table);
      print.append(table).append('=').append(jdbc.queryForObject("select cast(count(*) as varchar(20))"
          + (column == null ? "" : " || '/' || cast(coalesce(sum(\"" + column + "\"), 0) as varchar(30))")
          + " from \"" + table + "\"",
          String.class)).append(' ');
    }
    print.append("open=").append(jdbc.queryForObject("select coalesce(sum(open_amount), 0) from invoices", java.math.BigDecimal.class)
        .stripTrailingZeros().toPlainString());
    print.append(" disputed=").append(jdbc.queryForObject("select count(*) from invoices where disputed", Long.class));
    return print.toString();
  }

}
