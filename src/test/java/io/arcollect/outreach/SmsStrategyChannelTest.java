package io.arcollect.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Issue 13: SMS as a strategy channel. A process owner adds a row to collection-strategy.dmn ("small accounts: first
 * contact by SMS") and deploys only that file through the REST API; the next small account's friendly reminder goes
 * through the Connect SMS step to the (WireMock) gateway, while other customers still get an email.
 */
class SmsStrategyChannelTest extends OutreachTestBase {

  private static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void shippedStrategyAgain() {
    deployments.forEach(id -> repository.deleteDeployment(id, true));
  }

  @Test
  void aStrategyDeployedThroughRestChoosesSmsForSmallAccountsAndTheGatewayReceivesIt() throws Exception {
    HTTP.stubFor(post("/sms").willReturn(okJson("{\"id\":\"sms-strategy-1\"}")));
    JsonNode deployment = deployAsProcessOwner(strategyWithSmsForSmallAccounts());
    assertThat(deployment.path("deployedDecisionDefinitions").toString()).contains("collection-strategy");

    Customer small = Customer.english("Tiny Tools");
    Case c = openCase(small, "SMALL");
    deliverContacts(c);

    assertThat(runtime.getVariable(c.instance().getId(), "strategyName")).isEqualTo("SMS_FIRST");
    HTTP.verify(1, postRequestedFor(urlEqualTo("/sms"))
        .withHeader("Authorization", equalTo("Bearer sms-test-token"))
        .withRequestBody(matchingJsonPath("$.to", equalTo(small.phone())))
        .withRequestBody(matchingJsonPath("$.reference", equalTo(c.number())))
        .withRequestBody(matchingJsonPath("$.text", containing("invoices of USD 1,000.00 are overdue (case " + c.number()))));
    assertThat(mailTo(small.email())).as("the reminder went by SMS, not by email").isEmpty();
    assertThat(contactLog(c)).anySatisfy(row -> {
      assertThat(row.get("channel")).isEqualTo("SMS");
      assertThat(row.get("template")).isEqualTo("friendly-reminder");
      assertThat(row.get("outcome")).isEqualTo("SENT");
      assertThat(row.get("reference")).isEqualTo("sms:sms-strategy-1");
    });

    // a standard customer under the same deployment still gets the email
    Customer standard = Customer.english("Standard Staples");
    Case other = openCase(standard);
    deliverContacts(other);
    assertThat(mailTo(standard.email())).hasSize(1);
    HTTP.verify(1, postRequestedFor(urlEqualTo("/sms")));
  }

  /** collection-strategy.dmn as shipped with a new first row: tier SMALL, first channel SMS. */
  private byte[] strategyWithSmsForSmallAccounts() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document dmn;
    try (InputStream in = new ClassPathResource("processes/collection-strategy.dmn").getInputStream()) {
      dmn = factory.newDocumentBuilder().parse(in);
    }
    Element decision = children(dmn.getDocumentElement(), "decision").stream()
        .filter(d -> "collection-strategy".equals(d.getAttribute("id"))).findFirst().orElseThrow();
    Element table = children(decision, "decisionTable").get(0);
    List<Element> inputs = children(table, "input");
    List<Element> outputs = children(table, "output");
    List<Element> rules = children(table, "rule");
    Element row = (Element) rules.get(rules.size() - 1).cloneNode(true);
    row.setAttribute("id", "Rule_SmsForSmallAccounts");
    children(row, "description").forEach(row::removeChild);
    List<Element> inputEntries = children(row, "inputEntry");
    for (int i = 0; i < inputEntries.size(); i++) {
      inputEntries.get(i).setAttribute("id", "InputEntry_SmsSmall_" + i);
      String expression = text(children(inputs.get(i), "inputExpression").get(0));
      set(inputEntries.get(i), "customerTier".equals(expression) ? "\"SMALL\"" : "-");
    }
    List<Element> outputEntries = children(row, "outputEntry");
    for (int o = 0; o < outputEntries.size(); o++) {
      outputEntries.get(o).setAttribute("id", "OutputEntry_SmsSmall_" + o);
      String name = outputs.get(o).getAttribute("name");
      if ("firstChannel".equals(name)) {
        set(outputEntries.get(o), "\"SMS\"");
      } else if ("strategyName".equals(name)) {
        set(outputEntries.get(o), "\"SMS_FIRST\"");
      }
    }
    table.insertBefore(row, rules.get(0));
    ByteArrayOutputStream changed = new ByteArrayOutputStream();
    TransformerFactory.newInstance().newTransformer().transform(new DOMSource(dmn), new StreamResult(changed));
    return changed.toByteArray();
  }

  private static String text(Element element) {
    return children(element, "text").get(0).getTextContent().trim();
  }

  private static void set(Element entry, String value) {
    children(entry, "text").get(0).setTextContent(value);
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && DMN.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
        found.add(e);
      }
    }
    return found;
  }

  /** What {@code curl -u paula:paula -F deployment-name=... -F data=@collection-strategy.dmn .../deployment/create} sends. */
  private JsonNode deployAsProcessOwner(byte[] dmn) throws Exception {
    String boundary = "----arcollect" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(field(boundary, "deployment-name", "strategy: SMS for small accounts").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"collection-strategy.dmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(dmn);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("paula:paula".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode deployment = new ObjectMapper().readTree(response.body());
    deployments.add(deployment.path("id").asText());
    return deployment;
  }

  private static String field(String boundary, String name, String value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }
}
