package io.arcollect.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.arcollect.casework.CaseOpening;
import io.arcollect.casework.CaseProgress;
import io.arcollect.casework.CaseWorld;
import io.arcollect.casework.CollectionCase;
import io.arcollect.casework.OpenedCases;
import io.arcollect.ledger.OverdueItems;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole application talking to a real SMTP server (GreenMail) and a real HTTP server (WireMock) for the SMS
 * gateway and webhooks. Cases are opened the way the sweep opens them; jobs and time are driven by the test.
 * Public for tests of other capabilities that need real mail (the audit trail), so they share this context.
 */
@ArcollectSpringBootTest
public abstract class OutreachTestBase {

  protected static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
  protected static final WireMockServer HTTP = new WireMockServer(WireMockConfiguration.options().dynamicPort());
  static final String WEBHOOK_SECRET = "webhook-test-secret";
  /** Monday 2 March 2026, 09:00 UTC: 10:00 in Berlin, 17:00 in Shanghai. */
  static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T09:00:00Z");
  private static final AtomicInteger ACCOUNTS = new AtomicInteger();
  /** The texts folder a process owner edits (arcollect.outreach.texts-dir): empty = the bundled texts. */
  protected static final java.nio.file.Path TEXTS_DIR;

  static {
    SMTP.start();
    HTTP.start();
    try {
      TEXTS_DIR = java.nio.file.Files.createTempDirectory("arcollect-texts");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void outsideWorld(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    registry.add("arcollect.outreach.sms.url", () -> HTTP.baseUrl() + "/sms");
    registry.add("arcollect.outreach.sms.token", () -> "sms-test-token");
    registry.add("arcollect.outreach.webhook.url", () -> HTTP.baseUrl() + "/hooks/arcollect");
    registry.add("arcollect.outreach.webhook.secret", () -> WEBHOOK_SECRET);
    registry.add("arcollect.outreach.notice.annual-interest-percent", () -> "8");
    registry.add("arcollect.outreach.notice.fee", () -> "40");
    registry.add("arcollect.outreach.texts-dir", TEXTS_DIR::toString);
  }

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired CaseOpening opening;
  @Autowired CaseProgress progress;
  @Autowired OverdueItems overdue;
  @Autowired ApplicationContext context;

  @BeforeEach
  protected void startOfTheDay() throws Exception {
    ClockUtil.setCurrentTime(java.util.Date.from(MONDAY_MORNING));
    SMTP.purgeEmailFromAllMailboxes();
    HTTP.resetAll();
  }

  @AfterEach
  protected void resetClock() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  /** A customer of ours, as the ERP sends it. */
  record Customer(String name, String language, String timeZone, String email, String phone, boolean doNotContact) {

    static Customer english(String name) {
      return new Customer(name, "en", "Europe/Berlin", "ap@" + name.toLowerCase().replaceAll("[^a-z]", "") + ".example",
          "+4917012345678", false);
    }
  }

  record Case(String account, long customerId, String number, ProcessInstance instance, Customer customer) {}

  /**
   * A STANDARD customer with a good payment history and two overdue invoices (400 and 600 USD, 20 and 10 days
   * overdue); its case opened as the sweep does. The strategy sends a friendly reminder email first.
   */
  Case openCase(Customer customer) {
    return openCase(customer, "STANDARD");
  }

  /** The same for a customer of another tier (SMALL, KEY ...). */
  Case openCase(Customer customer, String tier) {
    String account = "OR%04d-%d".formatted(ACCOUNTS.incrementAndGet(), System.nanoTime() % 100000);
    jdbc.update("insert into customers (account_number, name, tier, industry, currency, language, time_zone, email, "
            + "phone, do_not_contact) values (?, ?, ?, 'Software', 'USD', ?, ?, ?, ?, ?)", account,
        customer.name(), tier, customer.language(), customer.timeZone(), customer.email(), customer.phone(),
        customer.doNotContact());
    long customerId = jdbc.queryForObject("select id from customers where account_number = ?", Long.class, account);
    new CaseWorld(context).goodPayerOwing(account, customerId, 400, 600);
    CollectionCase opened = OpenedCases.open(opening, overdue, transaction, customerId, today());
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(opened.getProcessInstanceId())
        .singleResult();
    Case c = new Case(account, customerId, opened.getCaseNumber(), instance, customer);
    runJobs(instance.getId());
    return c;
  }

  /** Runs every due job of a process instance, and of those it started, until none is left. */
  void runJobs(String processInstanceId) {
    for (int round = 0; round < 50; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("Jobs of " + processInstanceId + " keep coming");
  }

  /** The customer-contact processes of a case, oldest first. */
  List<ProcessInstance> contacts(Case c) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("customer-contact")
        .processInstanceBusinessKey(c.number()).orderByProcessInstanceId().asc().list();
  }

  /** Runs the case's jobs, then its contacts' jobs: what the job executor would do by now. */
  void deliverContacts(Case c) {
    runJobs(c.instance().getId());
    contacts(c).forEach(contact -> runJobs(contact.getId()));
  }

  /** The case's rows in the contact log, oldest first. */
  List<Map<String, Object>> contactLog(Case c) {
    return jdbc.queryForList("select * from contact_log where case_number = ? order by occurred_at, id", c.number());
  }

  protected List<MimeMessage> mailTo(String address) throws Exception {
    List<MimeMessage> mails = new ArrayList<>();
    for (MimeMessage message : SMTP.getReceivedMessages()) {
      if (Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().contains(address))) {
        mails.add(message);
      }
    }
    return mails;
  }

  /** The HTML text of a mail, however it is nested. */
  static String html(Part part) throws Exception {
    if (part.isMimeType("text/html")) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String html = html(multipart.getBodyPart(i));
        if (html != null) {
          return html;
        }
      }
    }
    return null;
  }

  /** The attachments of a mail by file name. */
  static Map<String, byte[]> attachments(Part part) throws Exception {
    Map<String, byte[]> files = new HashMap<>();
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        if (Part.ATTACHMENT.equalsIgnoreCase(body.getDisposition())) {
          files.put(body.getFileName(), body.getInputStream().readAllBytes());
        } else {
          files.putAll(attachments(body));
        }
      }
    }
    return files;
  }

  void complete(Case c, String user, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceId(c.instance().getId()).singleResult();
    assertThat(task).as("a task waits in case " + c.number()).isNotNull();
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
    try {
      tasks.complete(task.getId(), new HashMap<>(variables));
    } finally {
      identity.clearAuthentication();
    }
    runJobs(c.instance().getId());
  }

  protected void passTime(Duration duration) {
    ClockUtil.setCurrentTime(java.util.Date.from(ClockUtil.now().toInstant().plus(duration)));
  }

  LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.now().toInstant(), ZoneId.systemDefault());
  }
}
