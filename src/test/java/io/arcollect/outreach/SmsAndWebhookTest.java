package io.arcollect.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** The SMS gateway and webhooks through Camunda Connect against a real HTTP server, with retries and incidents. */
class SmsAndWebhookTest extends OutreachTestBase {

  @Test
  void anSmsGoesToTheGatewayAsJsonWithTheTokenAndIsLoggedWithTheGatewaysId() {
    HTTP.stubFor(post("/sms").willReturn(okJson("{\"id\":\"sms-1\",\"status\":\"queued\"}")));
    Case c = openCase(Customer.english("Quay Logistics"));

    ProcessInstance sms = requestContact(c, "SMS", "follow-up");
    runJobs(sms.getId());

    HTTP.verify(1, postRequestedFor(urlEqualTo("/sms"))
        .withHeader("Authorization", equalTo("Bearer sms-test-token"))
        .withHeader("Content-Type", containing("application/json"))
        .withRequestBody(matchingJsonPath("$.to", equalTo("+4917012345678")))
        .withRequestBody(matchingJsonPath("$.reference", equalTo(c.number())))
        .withRequestBody(matchingJsonPath("$.text", containing("USD 1,000.00 is still unpaid (case " + c.number() + ")"))));
    assertThat(contactLog(c)).anySatisfy(row -> {
      assertThat(row.get("channel")).isEqualTo("SMS");
      assertThat(row.get("outcome")).isEqualTo("SENT");
      assertThat(row.get("reference")).isEqualTo("sms:sms-1");
    });
  }

  @Test
  void caseEventsArePostedSignedWithHmacSha256OfTheBody() throws Exception {
    HTTP.stubFor(post("/hooks/arcollect").willReturn(ok()));
    Case c = openCase(Customer.english("Signal Works"));

    webhooks(c).forEach(delivery -> runJobs(delivery.getId()));

    LoggedRequest opened = HTTP.findAll(postRequestedFor(urlEqualTo("/hooks/arcollect"))).stream()
        .filter(request -> request.getBodyAsString().contains(c.number())).findFirst().orElseThrow();
    assertThat(opened.getHeader("X-ArCollect-Event")).isEqualTo("CASE_OPENED");
    assertThat(opened.getHeader("X-ArCollect-Signature"))
        .isEqualTo("sha256=" + hmacSha256(WEBHOOK_SECRET, opened.getBodyAsString()))
        .isNotEqualTo("sha256=" + hmacSha256("another-secret", opened.getBodyAsString()));
    JsonNode body = new ObjectMapper().readTree(opened.getBodyAsString());
    assertThat(body.get("event").asText()).isEqualTo("CASE_OPENED");
    assertThat(body.get("caseNumber").asText()).isEqualTo(c.number());
    assertThat(body.get("customerAccount").asText()).isEqualTo(c.account());
    assertThat(body.get("deliveryId").asText()).isEqualTo(opened.getHeader("X-ArCollect-Delivery"));
  }

  @Test
  void aGatewayDownForTwoAttemptsIsRetriedWithBackOffAndTheSmsIsDelivered() {
    HTTP.stubFor(post("/sms").inScenario("flaky").whenScenarioStateIs(STARTED)
        .willReturn(serviceUnavailable()).willSetStateTo("down twice"));
    HTTP.stubFor(post("/sms").inScenario("flaky").whenScenarioStateIs("down twice")
        .willReturn(serviceUnavailable()).willSetStateTo("up"));
    HTTP.stubFor(post("/sms").inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(okJson("{\"id\":\"sms-3\"}")));
    Case c = openCase(Customer.english("Flaky Networks"));
    ProcessInstance sms = requestContact(c, "SMS", "friendly-reminder");

    attemptJobs(sms.getId());
    Job gatewayCall = gatewayCall(sms);
    assertThat(gatewayCall.getExceptionMessage()).contains("503");
    assertThat(gatewayCall.getDuedate().toInstant()).isEqualTo(now().plus(Duration.ofMinutes(1)));
    passTime(Duration.ofMinutes(1));
    attemptJobs(sms.getId());
    assertThat(gatewayCall(sms).getDuedate().toInstant()).as("backs off").isEqualTo(now().plus(Duration.ofMinutes(5)));
    passTime(Duration.ofMinutes(5));
    attemptJobs(sms.getId());

    HTTP.verify(3, postRequestedFor(urlEqualTo("/sms")));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(sms.getId()).count()).as("delivered").isZero();
    assertThat(contactLog(c)).anySatisfy(row -> {
      assertThat(row.get("channel")).isEqualTo("SMS");
      assertThat(row.get("reference")).isEqualTo("sms:sms-3");
    });
  }

  @Test
  void aGatewayThatStaysDownEndsInAnIncidentOnTheContactWhileTheCaseCarriesOn() {
    HTTP.stubFor(post("/sms").willReturn(serverError()));
    Case c = openCase(Customer.english("Dead Line Telecom"));
    ProcessInstance sms = requestContact(c, "SMS", "friendly-reminder");

    for (int attempt = 0; attempt < 10 && incident(sms) == null; attempt++) {
      attemptJobs(sms.getId());
      passTime(Duration.ofHours(13));
    }

    Incident incident = incident(sms);
    assertThat(incident).as("an incident for Cockpit once the retries are used up").isNotNull();
    assertThat(incident.getActivityId()).isEqualTo("Task_CallSmsGateway");
    HTTP.verify(6, postRequestedFor(urlEqualTo("/sms")));
    assertThat(runtime.createIncidentQuery().processInstanceId(c.instance().getId()).count()).isZero();
    assertThat(tasks.createTaskQuery().processInstanceId(c.instance().getId()).taskDefinitionKey("Task_InitialContact")
        .count()).as("the collector still has the case's call to make").isOne();
    assertThat(jdbc.queryForObject("select status from collection_cases where case_number = ?", String.class, c.number()))
        .isEqualTo("OPEN");
    assertThat(contactLog(c)).noneSatisfy(row -> assertThat(row.get("channel")).isEqualTo("SMS"));
  }

  private ProcessInstance requestContact(Case c, String channel, String template) {
    transaction.executeWithoutResult(status -> progress.requestContact(c.number(), channel, template,
        c.instance().getId(), Map.of()));
    List<ProcessInstance> contacts = contacts(c);
    return contacts.stream().filter(p -> channel.equals(runtime.getVariable(p.getId(), "channel"))).findFirst()
        .orElseThrow();
  }

  private List<ProcessInstance> webhooks(Case c) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("case-webhook").processInstanceBusinessKey(c.number())
        .list();
  }

  /** Executes the due jobs of an instance; a failing job is left to its retries, as the job executor does. */
  private void attemptJobs(String processInstanceId) {
    for (int round = 0; round < 10; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException expected) {
          // the gateway is down: the engine has counted the failure and scheduled the retry
        }
      }
    }
  }

  private Job gatewayCall(ProcessInstance sms) {
    return management.createJobQuery().processInstanceId(sms.getId()).activityId("Task_CallSmsGateway").singleResult();
  }

  private Incident incident(ProcessInstance sms) {
    return runtime.createIncidentQuery().processInstanceId(sms.getId()).singleResult();
  }

  private static Instant now() {
    return org.camunda.bpm.engine.impl.util.ClockUtil.now().toInstant();
  }

  private static String hmacSha256(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
