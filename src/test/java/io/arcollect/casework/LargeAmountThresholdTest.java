package io.arcollect.casework;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.ledger.OverdueItems;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import io.arcollect.testsupport.ProcessOwnerDeployment;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The large-amount threshold lives in one place, the {@code large-amount} decision of collection-strategy.dmn: a
 * process owner changes that one number, deploys the file through REST, and the next grade-C case takes the
 * high-risk path at the new amount, without a restart.
 */
@ArcollectSpringBootTest
class LargeAmountThresholdTest {

  private static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired CaseOpening opening;
  @Autowired OverdueItems overdue;

  private ProcessOwnerDeployment paula;

  @BeforeEach
  void processOwner() {
    paula = new ProcessOwnerDeployment(port, "paula");
  }

  @AfterEach
  void restoreTheShippedStrategy() {
    paula.undeploy(repository);
  }

  @Test
  void theSharedThresholdChangedInOnePlaceMovesTheNextGradeCCaseToTheHighRiskPath() throws Exception {
    String before = openGradeCCase(15_000);
    assertThat(runtime.getVariable(before, "creditGrade")).isEqualTo("C");
    assertThat(runtime.getVariable(before, "strategyName")).as("15,000 is below the shipped large amount")
        .isEqualTo("FAST_TRACK");

    ShippedStrategy shipped = new ShippedStrategy();
    assertThat(shipped.text().replace("&gt;", ">")).as("no rule writes a threshold of its own").doesNotContain(">= 30000");
    List<Element> changed = shipped.setLargeAmountFrom("Rule_LargeAmount_Usd", "10000");
    assertThat(changed).as("one entry changed").hasSize(1);

    var deployment = paula.deploy("collection-strategy", "collection-strategy.dmn", shipped.bytes());
    assertThat(deployment.path("deployedDecisionDefinitions")).anySatisfy(d ->
        assertThat(d.path("key").asText()).isEqualTo("large-amount"));

    String after = openGradeCCase(15_000);
    assertThat(runtime.getVariable(after, "creditGrade")).isEqualTo("C");
    assertThat(runtime.getVariable(after, "strategyName")).as("15,000 is a large amount now").isEqualTo("HIGH_RISK_ESCALATION");
    assertThat(runtime.getVariable(after, "followUpIntervalDays")).isEqualTo(3);
    assertThat(runtime.getVariable(before, "strategyName")).as("a running case keeps its strategy").isEqualTo("FAST_TRACK");
    String small = openGradeCCase(9_000);
    assertThat(runtime.getVariable(small, "strategyName")).as("below the new threshold").isEqualTo("FAST_TRACK");
  }

  /** collection-strategy.dmn as shipped, as a process owner opens it in Modeler. */
  private static final class ShippedStrategy {
    private final Document dmn;

    ShippedStrategy() throws Exception {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      try (InputStream in = new ClassPathResource("processes/collection-strategy.dmn").getInputStream()) {
        dmn = factory.newDocumentBuilder().parse(in);
      }
    }

    /** The output entry of one rule of the large-amount table, set to {@code amount}; answers the entries changed. */
    List<Element> setLargeAmountFrom(String ruleId, String amount) {
      List<Element> changed = new ArrayList<>();
      NodeList rules = dmn.getElementsByTagNameNS(DMN, "rule");
      for (int i = 0; i < rules.getLength(); i++) {
        Element rule = (Element) rules.item(i);
        if (ruleId.equals(rule.getAttribute("id"))) {
          Element text = (Element) ((Element) rule.getElementsByTagNameNS(DMN, "outputEntry").item(0))
              .getElementsByTagNameNS(DMN, "text").item(0);
          assertThat(text.getTextContent().trim()).isEqualTo("30000");
          text.setTextContent(amount);
          changed.add(text);
        }
      }
      return changed;
    }

    byte[] bytes() throws Exception {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      TransformerFactory.newInstance().newTransformer().transform(new DOMSource(dmn), new StreamResult(out));
      return out.toByteArray();
    }

    String text() throws Exception {
      try (InputStream in = new ClassPathResource("processes/collection-strategy.dmn").getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  /**
   * A standard customer billing in US dollars (the company currency of the demo and the tests) who paid six invoices on time and now owes
   * {@code amount} on one invoice 60 days past due (grade C: an open item older than 45 days): its case, assessed.
   */
  private String openGradeCCase(int amount) {
    String account = "LA-" + UUID.randomUUID().toString().substring(0, 8);
    LocalDate today = LocalDate.ofInstant(ClockUtil.now().toInstant(), ZoneId.systemDefault());
    jdbc.update("insert into customers (account_number, name, tier, industry, currency, language, time_zone, email) "
        + "values (?, ?, 'STANDARD', 'Software', 'USD', 'en', 'Europe/Berlin', 'ap@example.com')", account, "Customer " + account);
    long customerId = jdbc.queryForObject("select id from customers where account_number = ?", Long.class, account);
    for (int i = 1; i <= 6; i++) {
      LocalDate due = today.minusDays(40L * i + 70);
      jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, currency, "
          + "status, paid_date, days_late) values (?, ?, ?, ?, 500, 0, 'USD', 'PAID', ?, 0)", account + "-P" + i, customerId,
          Date.valueOf(due.minusDays(30)), Date.valueOf(due), Date.valueOf(due));
    }
    LocalDate due = today.minusDays(60);
    jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, currency, status) "
        + "values (?, ?, ?, ?, ?, ?, 'USD', 'OPEN')", account + "-1", customerId, Date.valueOf(due.minusDays(30)),
        Date.valueOf(due), amount, amount);
    String instance = OpenedCases.open(opening, overdue, transaction, customerId, today).getProcessInstanceId();
    for (int round = 0; round < 5 && !runtime.getVariables(instance).containsKey("strategyName"); round++) {
      management.createJobQuery().processInstanceId(instance).executable().list()
          .forEach(job -> management.executeJob(job.getId()));
    }
    assertThat(runtime.getVariables(instance)).as("case " + account + " was assessed").containsKey("strategyName");
    return instance;
  }
}
