package io.arcollect.audit;

import io.arcollect.casework.CaseVisibility;
import io.arcollect.casework.CollectionCase;
import io.arcollect.reporting.SpreadsheetCsv;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/cases/{caseNumber}/trail?format=json|csv|pdf}: the audit trail of a case for everyone who may
 * see the case (auditors, finance, legal, process owners, administrators; sales for their own customers). There
 * is no way to change it: only GET is mapped.
 */
@RestController
class CaseTrailController {

  private static final MediaType PDF = MediaType.APPLICATION_PDF;
  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final CaseVisibility visibility;
  private final CaseTrail trail;
  private final Clock clock;

  CaseTrailController(CaseVisibility visibility, CaseTrail trail, Clock clock) {
    this.visibility = visibility;
    this.trail = trail;
    this.clock = clock;
  }

  @GetMapping("/api/cases/{caseNumber}/trail")
  ResponseEntity<?> trail(@PathVariable String caseNumber, @RequestParam(defaultValue = "json") String format) {
    String wanted = format.toLowerCase(Locale.ROOT);
    if (!List.of("json", "csv", "pdf").contains(wanted)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be json, csv or pdf, not " + format);
    }
    CollectionCase collectionCase = visibility.find(caseNumber)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseNumber));
    List<TrailEntry> entries = trail.of(collectionCase);
    return switch (wanted) {
      case "csv" -> download(CSV, caseNumber + "-trail.csv", SpreadsheetCsv.of(
          List.of("time", "kind", "actor", "subject", "summary", "details"),
          entries.stream().map(e -> List.<Object>of(e.at().toString(), e.kind().name(), nullToEmpty(e.actor()),
              nullToEmpty(e.subject()), nullToEmpty(e.summary()), e.details())).toList()).getBytes(StandardCharsets.UTF_8));
      case "pdf" -> download(PDF, caseNumber + "-trail.pdf", TrailPdf.render(collectionCase, entries, clock.instant()));
      default -> ResponseEntity.ok(entries);
    };
  }

  private static ResponseEntity<byte[]> download(MediaType type, String fileName, byte[] body) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .body(body);
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
