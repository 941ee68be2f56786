package io.arcollect.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.arcollect.casework.CaseWorld;
import io.arcollect.casework.CaseWorld.Case;
import io.arcollect.ledger.Camt053Builder;
import io.arcollect.outreach.OutreachTestBase;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An auditor reconstructs a case that went from the first call through a formal notice to legal: who decided
 * what, when, on which data, and what the customer was sent. Outreach really sends (to GreenMail): the friendly
 * reminder email and the formal notice letter (a PDF stored with the case and emailed).
 */
@ArcollectSpringBootTest
class CaseTrailTest extends OutreachTestBase {

  private static final Path OUT = Path.of("target", "audit");

  @Autowired ApplicationContext context;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @Autowired RepositoryService repository;
  private CaseWorld world;

  @BeforeEach
  void world() {
    world = new CaseWorld(context);
    // the case's events go out as webhooks too; the receiver takes them
    HTTP.stubFor(WireMock.post(WireMock.urlPathEqualTo("/hooks/arcollect")).willReturn(WireMock.ok()));
  }

  @Test
  void anAuditorReadsWhoDecidedWhatOnWhichDataAndWhatTheCustomerWasSent() throws Exception {
    Case c = world.openCase("STANDARD", null, "Software", 700, 800);
    passTime(Duration.ofHours(2));
    world.complete(c, "sally", Map.of("contactOutcome", "REFUSES", "notes", "Says the goods were late"));
    passTime(Duration.ofHours(3));
    world.complete(c, "fiona", Map.of("demandLetterDecision", "APPROVED", "noticeDays", 14));
    world.passTimer(c, "Timer_NoticeDeadline");
    passTime(Duration.ofHours(1));
    world.complete(c, "larry", Map.of("legalDecision", "AGENCY", "notes", "=HYPERLINK(\"http://evil\")"));
    assertThat(world.record(c).getOutcome()).isEqualTo("REFERRED_TO_AGENCY");
    List<MimeMessage> mails = mailTo(CaseWorld.CUSTOMER_EMAIL).stream()
        .filter(mail -> hasCaseHeader(mail, c.number())).toList();
    assertThat(mails).as("the friendly reminder and the formal notice's cover mail").hasSize(2);
    long notice = jdbc.queryForObject("select id from case_documents where case_number = ? and kind = 'FORMAL_NOTICE'",
        Long.class, c.number());

    List<Map<String, Object>> trail = trail(c);

    assertThat(trail).extracting(e -> (String) e.get("at")).isSortedAccordingTo(
        (a, b) -> Instant.parse(a).compareTo(Instant.parse(b)));
    assertThat(trail).as("the engine's raw history only with detail=full").extracting(e -> e.get("kind"))
        .doesNotContain("VARIABLE", "ACTIVITY", "TASK_CREATED");
    List<Map<String, Object>> humanSteps = ofKind(trail, "HUMAN_STEP");
    assertThat(humanSteps).extracting(e -> e.get("actor")).containsExactly("sally", "fiona", "larry");
    assertThat(submitted(humanSteps.get(0))).as("labels and option labels of the deployed form")
        .containsEntry("Outcome", "Refuses to pay").containsEntry("Notes", "Says the goods were late");
    assertThat(submitted(humanSteps.get(1))).containsEntry("Days to pay", 14);
    assertThat(submitted(humanSteps.get(2))).containsKey("Decision");
    assertThat(details(humanSteps.get(2))).containsEntry("reachedVia", "Notice deadline passed");

    assertThat(ofKind(trail, "DECISION")).anySatisfy(decision -> {
      assertThat(decision.get("subject")).isEqualTo("Credit grade");
      assertThat((Map<String, Object>) details(decision).get("inputs")).isNotEmpty();
      assertThat((Map<String, Object>) details(decision).get("outputs")).containsKey("Credit grade");
    }).anySatisfy(decision -> {
      assertThat(decision.get("subject")).isEqualTo("Collection strategy");
      assertThat((Map<String, Object>) details(decision).get("inputs")).containsKey("Customer tier");
      assertThat((Map<String, Object>) details(decision).get("outputs"))
          .containsEntry("Strategy", world.record(c).getStrategy()).containsKey("Owning department");
    });
    String reminderId = mails.get(0).getMessageID();
    String noticeId = mails.get(1).getMessageID();
    assertThat(ofKind(trail, "CONTACT")).anySatisfy(contact -> assertThat(details(contact))
            .containsEntry("channel", "EMAIL").containsEntry("template", "friendly-reminder").containsEntry("outcome", "SENT")
            .hasEntrySatisfying("reference", reference -> assertThat((String) reference)
                .matches("document:\\d+ message:" + java.util.regex.Pattern.quote(reminderId))))
        .anySatisfy(contact -> assertThat(details(contact)).containsEntry("channel", "LETTER")
            .containsEntry("template", "formal-notice").containsEntry("outcome", "SENT")
            .hasEntrySatisfying("reference", reference -> assertThat((String) reference).matches("document:" + notice
                + " document:\\d+ message:" + java.util.regex.Pattern.quote(noticeId))))
        .anySatisfy(contact -> assertThat(contact).containsEntry("actor", "sally").containsEntry("subject", "Task_InitialContact"));
    assertThat(ofKind(trail, "DOCUMENT")).filteredOn(d -> "FORMAL_NOTICE".equals(d.get("subject"))).singleElement()
        .satisfies(document -> assertThat(details(document)).containsEntry("documentId", (int) notice).containsKey("sha256"));
    assertThat(ofKind(trail, "TIMER")).singleElement().satisfies(timer -> assertThat(timer.get("subject"))
        .isEqualTo("Notice deadline passed"));
    assertThat(ofKind(trail, "CASE")).extracting(e -> e.get("subject"))
        .containsExactly("CASE_OPENED", "CREDIT_HOLD_PLACED", "REFERRED_TO_AGENCY", "CASE_CLOSED");

    List<Map<String, Object>> full = trail(c, "&detail=full");
    assertThat(full).extracting(e -> e.get("kind")).contains("VARIABLE", "ACTIVITY", "TASK_CREATED", "PROCESS_ENDED");
    assertThat(full.size()).isGreaterThan(trail.size() * 2);

    String csv = export(c, "csv", String.class, MediaType.valueOf("text/csv"));
    assertThat(csv).startsWith("time,kind,category,actor,subject,summary,details").contains("HUMAN_STEP,PEOPLE,fiona");
    List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.StringReader(csv))
        .getRecords();
    assertThat(rows).hasSize(trail.size() + 1).allSatisfy(row -> assertThat(row.values())
        .noneMatch(cell -> !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0));

    byte[] pdf = export(c, "pdf", byte[].class, MediaType.APPLICATION_PDF);
    assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    Path png = firstPageAsPng(pdf, "trail-" + c.number());
    assertThat(Files.size(png)).isGreaterThan(10_000);
  }

  /**
   * Issue 14's case, answered from the JSON trail alone: a broken promise, a dispute settled by a credit note, the
   * formal notice, an instalment plan recorded by frank and approved by fiona after frank's own approval was refused,
   * a partial payment by camt.053, a missed instalment, legal and a write-off. The webhook processes' history is
   * gone (as after 365 days) before the trail is read: it relies on none of it.
   */
  @Test
  void anAuditorReconstructsACaseFromPromiseToWriteOffFromTheTrailAlone() throws Exception {
    Case c = world.openCase("STANDARD", null, "Software", 2000, 14000);
    String disputed = c.account() + "-1";
    Map<String, String> departmentUser = Map.of("sales", "sally", "finance", "frank", "legal", "larry");
    String collector = departmentUser.get(world.record(c).getOwningDepartment());
    passTime(Duration.ofHours(1));
    String promised = world.today().plusDays(7).toString();
    world.complete(c, collector, Map.of("contactChannel", "PHONE", "contactOutcome", "PROMISE_TO_PAY",
        "promisedAmount", 16000, "promisedDate", promised, "notes", "会计说下周付款"));
    world.passTimer(c, "Timer_PromisedDate");
    Instant promiseCheckedAt = ClockUtil.now().toInstant();
    passTime(Duration.ofHours(9));
    assertThat(waitingAt(c)).isEqualTo("Task_FollowUpCall");
    world.complete(c, collector, Map.of("contactChannel", "PHONE", "contactOutcome", "DISPUTE",
        "disputedInvoices", disputed, "disputeReason", "Goods arrived damaged"));
    passTime(Duration.ofHours(2));
    world.complete(c, "fiona", Map.of("disputeResolution", "CREDIT_NOTE", "notes", "Credit note for the damaged goods"));
    // the customer asks not to be contacted for a while: the follow-up reminder is skipped, with the reason
    jdbc.update("update customers set do_not_contact = true where account_number = ?", c.account());
    for (int round = 0; round < 5 && !"Task_ApproveDemandLetter".equals(waitingAt(c)); round++) {
      if ("Task_FollowUpCall".equals(waitingAt(c))) {
        jdbc.update("update customers set do_not_contact = false where account_number = ?", c.account());
        world.complete(c, collector, Map.of("contactChannel", "PHONE", "contactOutcome", "REFUSES"));
      } else {
        world.passTimer(c, "Timer_FollowUpDue");
        world.runJobs(c);
        runContactJobs(c);
      }
    }
    jdbc.update("update customers set do_not_contact = false where account_number = ?", c.account());
    passTime(Duration.ofHours(1));
    world.complete(c, "fiona", Map.of("demandLetterDecision", "APPROVED", "noticeDays", 14));
    runContactJobs(c);
    world.passTimer(c, "Timer_NoticeDeadline");
    Instant noticeDeadlinePassed = ClockUtil.now().toInstant();
    // the timer fires when the deadline's day is over (00:00); legal and finance settle late that evening
    passTime(Duration.ofHours(20));
    world.complete(c, "larry", Map.of("legalDecision", "SETTLE", "notes", "Customer offers instalments"));
    LocalDate firstDue = world.today().plusDays(14);
    world.complete(c, "frank", Map.of("planDownPayment", 2000, "planInstalmentCount", 3,
        "planFirstDueDate", firstDue.toString(), "planIntervalDays", 30, "notes", "Agreed on the phone"));
    assertThat(waitingAt(c)).isEqualTo("Task_ApproveInstalmentPlan");
    String approval = world.task(c).getId();
    world.login("frank");
    try {
      assertThatThrownBy(() -> tasks.complete(approval, Map.of("planApproval", "APPROVED"))).hasMessageContaining("Four eyes");
    } finally {
      world.logout();
    }
    passTime(Duration.ofHours(1));
    world.complete(c, "fiona", Map.of("planApproval", "APPROVED", "notes", "Four eyes: checked"));
    runContactJobs(c);
    // the down payment arrives with the bank statement, a little short
    String bankReference = "AUDIT-" + c.account();
    LocalDate paidOn = world.today();
    ResponseEntity<Map> imported = rest.withBasicAuth("frank", "frank").exchange("/api/bank-statements", HttpMethod.POST,
        new org.springframework.http.HttpEntity<>(Camt053Builder.statement("STMT-" + c.account())
            .credit(bankReference, "1500.00", "Customer " + c.account(), "DE02120300000000202051",
                "Down payment " + c.account() + "-2", paidOn).xml(), xmlHeaders()), Map.class);
    assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.OK);
    world.runJobs(c);
    // no instalment follows: the grace period of the first one ends
    for (int round = 0; round < 5 && !"Task_ReviewLegalDossier".equals(waitingAt(c)); round++) {
      passPlanTimer(c);
    }
    Instant instalmentMissed = ClockUtil.now().toInstant();
    assertThat(waitingAt(c)).isEqualTo("Task_ReviewLegalDossier");
    passTime(Duration.ofHours(9));
    world.complete(c, "larry", Map.of("legalDecision", "WRITE_OFF", "notes", "Customer insolvent"));
    world.complete(c, "fiona", Map.of("writeOffDecision", "APPROVED", "notes", "Approved: insolvency filed"));
    assertThat(world.record(c).getOutcome()).isEqualTo("WRITTEN_OFF");
    forgetWebhookHistoryAsAfterAYear();

    List<Map<String, Object>> trail = trail(c);
    Files.createDirectories(OUT);
    Files.writeString(OUT.resolve("case-file-" + c.number() + ".json"), rest.withBasicAuth("audrey", "audrey")
        .getForObject("/api/cases/" + c.number() + "/trail", String.class));

    // the strategy: which version of the decision, and which rule matched
    Map<String, Object> strategy = ofKind(trail, "DECISION").stream()
        .filter(d -> "collection-strategy".equals(details(d).get("decisionDefinitionKey"))).findFirst().orElseThrow();
    assertThat(details(strategy).get("version")).isEqualTo(repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey("collection-strategy").latestVersion().singleResult().getVersion());
    assertThat((List<Map<String, Object>>) details(strategy).get("matchedRules")).singleElement().satisfies(rule -> {
      assertThat((String) rule.get("id")).startsWith("Rule_");
      assertThat((String) rule.get("description")).startsWith(world.record(c).getStrategy());
    });

    // the promise: who took it, how much, by when, and when it was found broken
    Map<String, Object> promise = ofKind(trail, "PROMISE").get(0);
    assertThat(details(promise)).containsEntry("madeBy", collector).containsEntry("amount", "16000")
        .containsEntry("promisedDate", promised).containsEntry("outcome", "BROKEN")
        .containsEntry("detectedAt", promiseCheckedAt.toString());
    assertThat(ofKind(trail, "TIMER")).anySatisfy(timer -> {
      assertThat(timer).containsEntry("subject", "Promised date passed").containsEntry("at", promiseCheckedAt.toString());
      assertThat(details(timer)).containsKey("due");
    });

    // the dispute and its credit note, decided by fiona
    assertThat(ofKind(trail, "HUMAN_STEP")).anySatisfy(step -> {
      assertThat(step.get("actor")).isEqualTo(collector);
      assertThat(submitted(step)).containsEntry("Outcome", "Disputes invoices").containsEntry("Disputed invoices", disputed);
    }).anySatisfy(step -> {
      assertThat(step.get("actor")).isEqualTo("fiona");
      assertThat(submitted(step)).containsEntry("Resolution", "Credit note: credit the disputed invoices in full");
    });

    // credit hold: placed when fiona approved the demand letter, written by the case itself
    assertThat(ofKind(trail, "CASE")).anySatisfy(event -> assertThat(event).containsEntry("subject", "CREDIT_HOLD_PLACED")
        .containsEntry("actor", "fiona"));
    // a written-off customer stays on credit hold (CaseProgress.close): the release is asserted in
    // creditHoldIsReleasedInTheTrailWhenTheCaseIsPaidWithoutWebhooks

    // the formal notice letter: its document id and SHA-256 are those of the stored PDF
    Map<String, Object> letter = ofKind(trail, "DOCUMENT").stream()
        .filter(d -> "FORMAL_NOTICE".equals(d.get("subject"))).findFirst().orElseThrow();
    Map<String, Object> stored = jdbc.queryForMap("select id, content from case_documents where case_number = ? and kind = 'FORMAL_NOTICE'",
        c.number());
    assertThat(details(letter)).containsEntry("documentId", ((Number) stored.get("id")).intValue())
        .containsEntry("sha256", CaseTrail.sha256((byte[]) stored.get("content")));

    // the legal referrals: when, and why
    assertThat(ofKind(trail, "STAGE")).filteredOn(stage -> "LEGAL_REFERRAL".equals(stage.get("subject")))
        .extracting(stage -> stage.get("at"), stage -> details(stage).get("cause"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple(noticeDeadlinePassed.toString(), "Notice deadline passed"),
            org.assertj.core.groups.Tuple.tuple(instalmentMissed.toString(), "Instalment missed"));

    // the instalment plan: its figures, its recorder and its approver
    assertThat(ofKind(trail, "PLAN")).singleElement().satisfies(plan -> assertThat(details(plan))
        .containsEntry("recordedBy", "frank").containsEntry("approvedBy", "fiona").containsEntry("total", "14000")
        .containsEntry("downPayment", "2000").containsEntry("instalments", 3).containsEntry("instalmentAmount", "4000")
        .containsEntry("firstDueDate", firstDue.toString()).containsEntry("intervalDays", 30));
    assertThat(ofKind(trail, "HUMAN_STEP")).anySatisfy(step -> {
      assertThat(step.get("actor")).isEqualTo("frank");
      assertThat(submitted(step)).containsEntry("Down payment (due today)", 2000).containsEntry("Number of instalments", 3)
          .containsEntry("Notes", "Agreed on the phone");
    }).anySatisfy(step -> {
      assertThat(step.get("actor")).isEqualTo("fiona");
      assertThat(submitted(step)).containsEntry("Decision", "Approve the plan").containsEntry("Notes", "Four eyes: checked");
    });

    // the payment: bank reference, amount, value date and what went to which invoice
    assertThat(ofKind(trail, "PAYMENT")).singleElement().satisfies(payment -> {
      assertThat(details(payment)).containsEntry("bankReference", bankReference).containsEntry("amount", "1500")
          .containsEntry("valueDate", paidOn.toString());
      assertThat((List<Map<String, Object>>) details(payment).get("allocations")).singleElement()
          .satisfies(allocation -> assertThat(allocation).containsEntry("invoice", c.account() + "-2")
              .containsEntry("amount", "1500"));
    });
    assertThat(ofKind(trail, "STEP")).extracting(step -> step.get("subject"))
        .contains("Run instalment plan", "Instalment missed", "Written off");

    // contacts the policy held back, with the reason: the plan's confirmation falls in the customer's quiet hours
    assertThat(ofKind(trail, "CONTACT")).anySatisfy(contact -> assertThat(details(contact))
        .containsEntry("outcome", "SKIPPED").hasEntrySatisfying("notes", notes -> assertThat((String) notes).contains("do-not-contact")))
        .anySatisfy(contact -> assertThat(details(contact)).containsEntry("outcome", "POSTPONED")
            .containsEntry("template", "plan-confirmation")
            .hasEntrySatisfying("notes", notes -> assertThat((String) notes).contains("quiet hours", "postponed until")));

    // issue 14 done-when parts delivered with the desk, outreach and ledger work:
    refusedSelfApprovalIsInTheTrail(trail);    // desk: refused four-eyes attempts logged (INTERNAL, REFUSED, user, reason)
    everyEmailIsADocument(trail);              // outreach: every email body stored as a case document
    creditNoteAndWriteOffAreInTheTrailWithTheirUser(trail, disputed, c.account() + "-2");

    byte[] pdf = export(c, "pdf", byte[].class, MediaType.APPLICATION_PDF);
    Path file = firstPageAsPng(pdf, "case-file-" + c.number()).resolveSibling("case-file-" + c.number() + ".pdf");
    assertThat(fontsOf(file)).as("pdffonts: the CJK font is embedded").contains("NotoSansSC").contains(" yes ");
    assertThat(pdfText(file, 1)).as("the first page summarises the case").contains("Case " + c.number(), "Strategy",
        "Stages", "LEGAL_REFERRAL", "Invoices", disputed, "Received", "USD 1500.00", "USD 12500.00", "WRITTEN_OFF");
    assertThat(pdfText(file, 0)).contains("会计说下周付款").contains("Timeline of case");
  }

  private void refusedSelfApprovalIsInTheTrail(List<Map<String, Object>> trail) {
    assertThat(ofKind(trail, "REFUSED")).anySatisfy(refused -> {
      assertThat(refused.get("actor")).isEqualTo("frank");
      assertThat((String) refused.get("summary")).containsIgnoringCase("four eyes");
    });
  }

  private void everyEmailIsADocument(List<Map<String, Object>> trail) {
    List<Map<String, Object>> documents = ofKind(trail, "DOCUMENT");
    assertThat(ofKind(trail, "CONTACT")).filteredOn(contact -> "EMAIL".equals(details(contact).get("channel"))
        && "SENT".equals(details(contact).get("outcome"))).isNotEmpty().allSatisfy(mail -> {
          String reference = (String) details(mail).get("reference");
          assertThat(documents).anySatisfy(document -> {
            assertThat(reference).contains("document:" + details(document).get("documentId"));
            assertThat((String) details(document).get("sha256")).hasSize(64);
          });
        });
  }

  /**
   * The ledger's dated adjustments: fiona's credit note over all of the disputed 2000, and the write-off fiona
   * approved of what the down payment left of the 14000 (14000 - 1500 = 12500), each with its business date.
   */
  private void creditNoteAndWriteOffAreInTheTrailWithTheirUser(List<Map<String, Object>> trail, String disputedInvoice,
      String writtenOffInvoice) {
    assertThat(ofKind(trail, "ADJUSTMENT")).hasSize(2).anySatisfy(adjustment -> {
      assertThat(adjustment.get("actor")).isEqualTo("fiona");
      assertThat(details(adjustment)).containsEntry("kind", "CREDIT_NOTE").containsEntry("amount", "2000")
          .containsEntry("invoice", disputedInvoice).containsEntry("currency", "USD")
          .hasEntrySatisfying("reason", reason -> assertThat((String) reason).contains("Goods arrived damaged"));
    }).anySatisfy(adjustment -> {
      assertThat(adjustment.get("actor")).isEqualTo("fiona");
      assertThat(details(adjustment)).containsEntry("kind", "WRITE_OFF").containsEntry("amount", "12500")
          .containsEntry("invoice", writtenOffInvoice).containsEntry("effectiveDate", world.today().toString());
      assertThat((String) adjustment.get("summary")).contains("Write-off of USD 12500.00", "by fiona");
    });
  }

  @Test
  void creditHoldIsReleasedInTheTrailWhenTheCaseIsPaidWithoutWebhooks() {
    Case c = world.openCase("STANDARD", null, "Software", 700, 800);
    world.complete(c, "sally", Map.of("contactOutcome", "REFUSES"));
    world.complete(c, "fiona", Map.of("demandLetterDecision", "APPROVED", "noticeDays", 14));
    passTime(Duration.ofDays(3));
    world.pay(c, "1500.00", c.account() + "-1 " + c.account() + "-2");
    assertThat(world.record(c).getOutcome()).isEqualTo("PAID");
    forgetWebhookHistoryAsAfterAYear();

    assertThat(ofKind(trail(c), "CASE")).extracting(e -> e.get("subject"), e -> e.get("actor")).containsExactly(
        org.assertj.core.groups.Tuple.tuple("CASE_OPENED", null),
        org.assertj.core.groups.Tuple.tuple("CREDIT_HOLD_PLACED", "fiona"),
        org.assertj.core.groups.Tuple.tuple("CREDIT_HOLD_RELEASED", null),
        org.assertj.core.groups.Tuple.tuple("CASE_CLOSED", null));
  }

  @Test
  void badRequestsGetAProblemDetail() {
    Case c = world.openCase("STANDARD", null, "Software", 100, 100);

    ResponseEntity<String> badFormat = rest.withBasicAuth("audrey", "audrey")
        .getForEntity("/api/cases/" + c.number() + "/trail?format=xls", String.class);
    assertThat(badFormat.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badFormat.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(badFormat.getBody()).contains("json, csv or pdf");
    ResponseEntity<String> unknown = rest.withBasicAuth("audrey", "audrey")
        .getForEntity("/api/cases/CASE-1900-000001/trail", String.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void nobodyCanChangeATrailNotEvenAnAdministrator() {
    Case c = world.openCase("STANDARD", null, "Software", 100, 100);
    for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
      ResponseEntity<String> change = rest.withBasicAuth("admin", "admin")
          .exchange("/api/cases/" + c.number() + "/trail", method, null, String.class);
      assertThat(change.getStatusCode()).as(method.name()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    }
  }

  // --- helpers

  private String waitingAt(Case c) {
    org.camunda.bpm.engine.task.Task task = world.task(c);
    return task == null ? null : task.getTaskDefinitionKey();
  }

  /** Runs what became due in the case's customer-contact processes (the job executor's work). */
  private void runContactJobs(Case c) {
    for (org.camunda.bpm.engine.runtime.ProcessInstance contact : runtime.createProcessInstanceQuery()
        .processDefinitionKey("customer-contact").processInstanceBusinessKey(c.number()).list()) {
      for (int round = 0; round < 50; round++) {
        List<org.camunda.bpm.engine.runtime.Job> due = management.createJobQuery().processInstanceId(contact.getId())
            .executable().list();
        if (due.isEmpty()) {
          break;
        }
        due.forEach(job -> management.executeJob(job.getId()));
      }
    }
  }

  /** Moves the clock past the next timer of the case's instalment plan and fires it. */
  private void passPlanTimer(Case c) {
    String plan = runtime.createProcessInstanceQuery().processDefinitionKey("payment-plan")
        .processInstanceBusinessKey(c.number()).singleResult().getId();
    org.camunda.bpm.engine.runtime.Job timer = management.createJobQuery().processInstanceId(plan).timers()
        .orderByJobDuedate().asc().list().get(0);
    ClockUtil.setCurrentTime(new java.util.Date(timer.getDuedate().getTime() + 1000));
    management.executeJob(timer.getId());
    world.runJobs(c);
  }

  /**
   * The history cleanup as it runs a year and a day after today: the webhook processes' history (kept 365 days)
   * is removed, the case's (kept ten years after it ends) stays.
   */
  private void forgetWebhookHistoryAsAfterAYear() {
    java.util.Date now = ClockUtil.now();
    ClockUtil.setCurrentTime(java.util.Date.from(now.toInstant().plus(Duration.ofDays(366))));
    try {
      history.cleanUpHistoryAsync(true);
      for (int run = 0; run < 50; run++) {
        org.camunda.bpm.engine.runtime.Job job = history.findHistoryCleanupJobs().stream()
            .filter(j -> !j.getDuedate().after(ClockUtil.now())).findFirst().orElse(null);
        if (job == null) {
          break;
        }
        management.executeJob(job.getId());
      }
    } finally {
      ClockUtil.setCurrentTime(now);
    }
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("case-webhook").finished()
        .startedBefore(now).count()).as("webhook history older than a year is cleaned").isZero();
  }

  private static HttpHeaders xmlHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_XML);
    return headers;
  }

  /** pdffonts' table of the fonts in a PDF. */
  private static String fontsOf(Path pdf) throws Exception {
    return run("/usr/bin/pdffonts", pdf.toString());
  }

  /** The text of one page (0 = all) as pdftotext reads it. */
  private static String pdfText(Path pdf, int page) throws Exception {
    return page == 0 ? run("/usr/bin/pdftotext", "-layout", pdf.toString(), "-")
        : run("/usr/bin/pdftotext", "-layout", "-f", String.valueOf(page), "-l", String.valueOf(page), pdf.toString(), "-");
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private static boolean hasCaseHeader(MimeMessage mail, String caseNumber) {
    try {
      return caseNumber.equals(mail.getHeader("X-ArCollect-Case", null));
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Map<String, Object>> trail(Case c) {
    return trail(c, "");
  }

  private List<Map<String, Object>> trail(Case c, String query) {
    ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth("audrey", "audrey").exchange(
        "/api/cases/" + c.number() + "/trail?format=json" + query, HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private <T> T export(Case c, String format, Class<T> type, MediaType expected) {
    ResponseEntity<T> response = rest.withBasicAuth("audrey", "audrey")
        .getForEntity("/api/cases/" + c.number() + "/trail?format=" + format, type);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(expected)).isTrue();
    assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo(c.number() + "-trail." + format);
    return response.getBody();
  }

  private static List<Map<String, Object>> ofKind(List<Map<String, Object>> trail, String kind) {
    return trail.stream().filter(entry -> kind.equals(entry.get("kind"))).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> details(Map<String, Object> entry) {
    return (Map<String, Object>) entry.get("details");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> submitted(Map<String, Object> entry) {
    return (Map<String, Object>) details(entry).get("submitted");
  }

  /** Renders the PDF's first page with poppler's pdftoppm into target/audit/, so a person can look at it. */
  static Path firstPageAsPng(byte[] pdf, String name) throws IOException, InterruptedException {
    Path pdftoppm = Path.of("/usr/bin/pdftoppm");
    if (!Files.isExecutable(pdftoppm)) {
      String missing = "pdftoppm is not installed (apt-get install -y poppler-utils)";
      if (System.getenv("CI") != null) {
        throw new AssertionError(missing);
      }
      Assumptions.abort(missing);
    }
    Files.createDirectories(OUT);
    Path file = OUT.resolve(name + ".pdf");
    Files.write(file, pdf);
    Process process = new ProcessBuilder(pdftoppm.toString(), "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
        file.toString(), OUT.resolve(name).toString()).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    return OUT.resolve(name + ".png");
  }
}
