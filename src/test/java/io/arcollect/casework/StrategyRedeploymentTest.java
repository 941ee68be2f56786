package io.arcollect.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcollect.ledger.OverdueItems;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A process owner changes the strategy in Modeler and deploys only the DMN file through the REST API, as the
 * README shows: the running application picks it up for the next case, without a restart or any Java change.
 */
@ArcollectSpringBootTest
class StrategyRedeploymentTest {

  private static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  private static final String STRATEGY = "collection-strategy";
  /** No rule of the shipped strategy uses it, so seeing it proves the redeployed table decided. */
  private static final int NEW_INTERVAL = 45;

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired CaseOpening opening;
  @Autowired OverdueItems overdue;

  private final ObjectMapper json = new ObjectMapper();
  private final List<String> testDeployments = new ArrayList<>();

  /**
   * The whole test run shares this database, and the latest version of a decision wins: without this, every
   * later case of the run would follow the test's strategy.
   */
  @AfterEach
  void restoreTheShippedStrategy() {
    int before = latestStrategyVersion();
    testDeployments.forEach(id -> repository.deleteDeployment(id, true));
    if (!testDeployments.isEmpty()) {
      assertThat(latestStrategyVersion()).isLessThan(before);
    }
    identity.clearAuthentication();
  }

  @Test
  void aNewFollowUpIntervalDeployedAsDmnOnlyReachesCasesOpenedAfterwards() throws Exception {
    String before = openCase();
    Object shippedInterval = runtime.getVariable(before, "followUpIntervalDays");
    assertThat(shippedInterval).isInstanceOf(Integer.class).isNotEqualTo(NEW_INTERVAL);
    int shippedVersion = latestStrategyVersion();

    JsonNode deployment = deployAsProcessOwner(strategyWithFollowUpInterval(NEW_INTERVAL));

    assertThat(deployment.path("deployedDecisionDefinitions")).anySatisfy(definition -> {
      assertThat(definition.path("key").asText()).isEqualTo(STRATEGY);
      assertThat(definition.path("version").asInt()).isGreaterThan(shippedVersion);
    });
    assertThat(deployment.path("deployedProcessDefinitions").isEmpty()).as("only the DMN was deployed").isTrue();

    String after = openCase();
    assertThat(runtime.getVariable(after, "followUpIntervalDays")).isEqualTo(NEW_INTERVAL);
    assertThat(runtime.getVariable(before, "followUpIntervalDays")).as("a running case keeps its strategy")
        .isEqualTo(shippedInterval);

    // and the case really waits that long before the next follow-up
    Task call = tasks.createTaskQuery().processInstanceId(after).singleResult();
    identity.setAuthentication("sally", List.of("sales"));
    tasks.complete(call.getId(), Map.of("contactOutcome", "REACHED", "notes", "Pays next month"));
    identity.clearAuthentication();
    Job followUp = management.createJobQuery().processInstanceId(after).activityId("Timer_FollowUpDue").singleResult();
    assertThat(followUp).as("the case waits for its follow-up").isNotNull();
    assertThat(Duration.between(ClockUtil.now().toInstant(), followUp.getDuedate().toInstant()).toHours())
        .isCloseTo(NEW_INTERVAL * 24L, within(1L));
  }

  /** collection-strategy.dmn as shipped, with every rule's follow-up interval set to {@code days}. */
  private byte[] strategyWithFollowUpInterval(int days) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document dmn;
    try (InputStream in = new ClassPathResource("processes/collection-strategy.dmn").getInputStream()) {
      dmn = factory.newDocumentBuilder().parse(in);
    }
    Element table = childrenNamed(decision(dmn, STRATEGY), "decisionTable").get(0);
    int column = 0;
    List<Element> outputs = childrenNamed(table, "output");
    while (!"followUpIntervalDays".equals(outputs.get(column).getAttribute("name"))) {
      column++;
    }
    List<Element> rules = childrenNamed(table, "rule");
    assertThat(rules).isNotEmpty();
    for (Element rule : rules) {
      childrenNamed(childrenNamed(rule, "outputEntry").get(column), "text").get(0).setTextContent(String.valueOf(days));
    }
    ByteArrayOutputStream changed = new ByteArrayOutputStream();
    TransformerFactory.newInstance().newTransformer().transform(new DOMSource(dmn), new StreamResult(changed));
    return changed.toByteArray();
  }

  private static Element decision(Document dmn, String id) {
    return childrenNamed(dmn.getDocumentElement(), "decision").stream().filter(d -> id.equals(d.getAttribute("id")))
        .findFirst().orElseThrow(() -> new AssertionError("no decision " + id + " in collection-strategy.dmn"));
  }

  private static List<Element> childrenNamed(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && DMN.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
        found.add(e);
      }
    }
    return found;
  }

  /** What {@code curl -u paula:paula -F ... -F data=@processes/collection-strategy.dmn} sends. */
  private JsonNode deployAsProcessOwner(byte[] dmn) throws Exception {
    String boundary = "----arcollect" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(formField(boundary, "deployment-name", "strategy: follow-up every " + NEW_INTERVAL + " days"));
    body.writeBytes(formField(boundary, "deploy-changed-only", "true"));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"collection-strategy.dmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(dmn);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("paula:paula".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode deployment = json.readTree(response.body());
    testDeployments.add(deployment.path("id").asText());
    return deployment;
  }

  private static byte[] formField(String boundary, String name, String value) {
    return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private int latestStrategyVersion() {
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey(STRATEGY).latestVersion().singleResult()
        .getVersion();
  }

  /** A standard software customer who paid well so far, with two invoices overdue: its case, assessed. */
  private String openCase() {
    String account = "SR-" + UUID.randomUUID().toString().substring(0, 8);
    LocalDate today = LocalDate.ofInstant(ClockUtil.now().toInstant(), ZoneId.systemDefault());
    jdbc.update("insert into customers (account_number, name, tier, industry, currency, language, time_zone, email) "
        + "values (?, ?, 'STANDARD', 'Software', 'USD', 'en', 'Europe/Berlin', 'ap@example.com')", account, "Customer " + account);
    long customerId = jdbc.queryForObject("select id from customers where account_number = ?", Long.class, account);
    for (int i = 1; i <= 3; i++) {
      LocalDate due = today.minusDays(40L * i + 30);
      jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, currency, "
          + "status, paid_date, days_late) values (?, ?, ?, ?, 500, 0, 'USD', 'PAID', ?, 0)", account + "-P" + i, customerId,
          Date.valueOf(due.minusDays(30)), Date.valueOf(due), Date.valueOf(due));
    }
    for (int i = 1; i <= 2; i++) {
      LocalDate due = today.minusDays(10L * i);
      jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, currency, status) "
          + "values (?, ?, ?, ?, 400, 400, 'USD', 'OPEN')", account + "-" + i, customerId, Date.valueOf(due.minusDays(30)),
          Date.valueOf(due));
    }
    String instance = OpenedCases.open(opening, overdue, transaction, customerId, today).getProcessInstanceId();
    // the assessment runs after the case-opened transaction, in its own job
    for (int round = 0; round < 5 && !runtime.getVariables(instance).containsKey("followUpIntervalDays"); round++) {
      management.createJobQuery().processInstanceId(instance).executable().list()
          .forEach(job -> management.executeJob(job.getId()));
    }
    assertThat(runtime.getVariables(instance)).as("case " + account + " was assessed").containsKey("followUpIntervalDays");
    return instance;
  }
}
