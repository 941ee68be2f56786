package io.arcollect.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.arcollect.casework.CaseWorld;
import io.arcollect.casework.CaseWorld.Case;
import io.arcollect.outreach.OutreachTestBase;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
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
    List<Map<String, Object>> humanSteps = ofKind(trail, "TASK_COMPLETED");
    assertThat(humanSteps).extracting(e -> e.get("actor")).containsExactly("sally", "fiona", "larry");
    assertThat(humanSteps).extracting(e -> details(e).get("contactOutcome"), e -> details(e).get("demandLetterDecision"),
        e -> details(e).get("legalDecision")).containsExactly(
            org.assertj.core.groups.Tuple.tuple("REFUSES", null, null),
            org.assertj.core.groups.Tuple.tuple(null, "APPROVED", null),
            org.assertj.core.groups.Tuple.tuple(null, null, "AGENCY"));
    assertThat(details(humanSteps.get(0))).containsEntry("notes", "Says the goods were late");
    assertThat(details(humanSteps.get(1))).containsEntry("noticeDays", 14);

    assertThat(ofKind(trail, "DECISION")).anySatisfy(decision -> {
      assertThat(decision.get("subject")).isEqualTo("Credit grade");
      assertThat((Map<String, Object>) details(decision).get("inputs")).isNotEmpty();
      assertThat((Map<String, Object>) details(decision).get("outputs")).containsKey("creditGrade");
    }).anySatisfy(decision -> {
      assertThat(decision.get("subject")).isEqualTo("Collection strategy");
      assertThat((Map<String, Object>) details(decision).get("inputs")).containsKey("Customer tier");
      assertThat((Map<String, Object>) details(decision).get("outputs"))
          .containsEntry("strategyName", world.record(c).getStrategy()).containsKey("owningDepartment");
    });
    assertThat(ofKind(trail, "CONTACT")).anySatisfy(contact -> assertThat(details(contact))
            .containsEntry("channel", "EMAIL").containsEntry("template", "friendly-reminder").containsEntry("outcome", "SENT")
            .containsEntry("reference", "message:" + mails.get(0).getMessageID()))
        .anySatisfy(contact -> assertThat(details(contact)).containsEntry("channel", "LETTER")
            .containsEntry("template", "formal-notice").containsEntry("outcome", "SENT")
            .containsEntry("reference", "document:" + notice + " message:" + mails.get(1).getMessageID()))
        .anySatisfy(contact -> assertThat(contact).containsEntry("actor", "sally").containsEntry("subject", "Task_InitialContact"));
    assertThat(ofKind(trail, "DOCUMENT")).singleElement().satisfies(document -> {
      assertThat(document.get("subject")).isEqualTo("FORMAL_NOTICE");
      assertThat(details(document)).containsEntry("documentId", (int) notice).containsKey("sha256");
    });
    assertThat(ofKind(trail, "TASK_CREATED")).extracting(e -> e.get("subject")).hasSize(3);
    assertThat(ofKind(trail, "PROCESS_ENDED")).isNotEmpty();

    String csv = export(c, "csv", String.class, MediaType.valueOf("text/csv"));
    assertThat(csv).startsWith("time,kind,actor,subject,summary,details").contains("TASK_COMPLETED,fiona");
    List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.StringReader(csv))
        .getRecords();
    assertThat(rows).hasSize(trail.size() + 1).allSatisfy(row -> assertThat(row.values())
        .noneMatch(cell -> !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0));

    byte[] pdf = export(c, "pdf", byte[].class, MediaType.APPLICATION_PDF);
    assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    Path png = firstPageAsPng(pdf, "trail-" + c.number());
    assertThat(Files.size(png)).isGreaterThan(10_000);
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

  private static boolean hasCaseHeader(MimeMessage mail, String caseNumber) {
    try {
      return caseNumber.equals(mail.getHeader("X-ArCollect-Case", null));
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Map<String, Object>> trail(Case c) {
    ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth("audrey", "audrey").exchange(
        "/api/cases/" + c.number() + "/trail", HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
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
