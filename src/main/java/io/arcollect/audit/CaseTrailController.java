package io.arcollect.audit;

import io.arcollect.casework.CaseInvoice;
import io.arcollect.casework.CaseProgress;
import io.arcollect.casework.CaseVisibility;
import io.arcollect.casework.CollectionCase;
import io.arcollect.ledger.CustomerDirectory;
import io.arcollect.ledger.CustomerDirectory.CustomerProfile;
import io.arcollect.reporting.SpreadsheetCsv;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case history for everyone who may see the case (auditors, finance, legal, process owners, administrators;
 * sales for their own customers): {@code GET /api/cases/{caseNumber}/trail?format=json|csv|pdf&detail=full},
 * the diagram of the model version the case ran with the path it took, and a search over open and closed cases.
 * There is no way to change any of it: only GET is mapped.
 */
@RestController
class CaseTrailController {

  private static final MediaType PDF = MediaType.APPLICATION_PDF;
  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  /** A case as the history page lists it. */
  record FoundCase(String caseNumber, String customerAccount, String customerName, String status, String outcome,
      String strategy, String currency, BigDecimal amountAtOpen, BigDecimal outstandingAmount, Instant openedAt,
      Instant closedAt) {}

  private final CaseVisibility visibility;
  private final CaseTrail trail;
  private final CaseProgress progress;
  private final CustomerDirectory customers;
  private final Clock clock;

  CaseTrailController(CaseVisibility visibility, CaseTrail trail, CaseProgress progress, CustomerDirectory customers,
      Clock clock) {
    this.visibility = visibility;
    this.trail = trail;
    this.progress = progress;
    this.customers = customers;
    this.clock = clock;
  }

  @GetMapping("/api/cases/{caseNumber}/trail")
  @Transactional(readOnly = true)
  ResponseEntity<?> trail(@PathVariable String caseNumber, @RequestParam(defaultValue = "json") String format,
      @RequestParam(defaultValue = "auditor") String detail) {
    String wanted = format.toLowerCase(Locale.ROOT);
    if (!List.of("json", "csv", "pdf").contains(wanted)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be json, csv or pdf, not " + format);
    }
    if (!Set.of("auditor", "full").contains(detail)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "detail must be auditor (the default) or full, not " + detail);
    }
    CollectionCase collectionCase = visible(caseNumber);
    List<TrailEntry> entries = trail.of(collectionCase, "full".equals(detail));
    return switch (wanted) {
      case "csv" -> download(CSV, caseNumber + "-trail.csv", SpreadsheetCsv.of(
          List.of("time", "kind", "category", "actor", "subject", "summary", "details"),
          entries.stream().map(e -> List.<Object>of(e.at().toString(), e.kind().name(), e.category().name(),
              nullToEmpty(e.actor()), nullToEmpty(e.subject()), nullToEmpty(e.summary()), e.details())).toList())
          .getBytes(StandardCharsets.UTF_8));
      case "pdf" -> {
        List<CaseInvoice> invoices = progress.invoices(caseNumber);
        String customerName = customers.find(collectionCase.getCustomerAccount()).map(CustomerProfile::name).orElse(null);
        yield download(PDF, caseNumber + "-trail.pdf",
            TrailPdf.render(CaseSummary.of(collectionCase, customerName, invoices, entries), entries, clock.instant()));
      }
      default -> ResponseEntity.ok(entries);
    };
  }

  /** How often each element of the case's model ran, which are active and which flows were taken. */
  @GetMapping("/api/cases/{caseNumber}/path")
  @Transactional(readOnly = true)
  CaseTrail.CasePath path(@PathVariable String caseNumber) {
    return trail.path(visible(caseNumber));
  }

  /** The BPMN XML of the model version the case ran, for the history page's diagram. */
  @GetMapping(value = "/api/cases/{caseNumber}/diagram", produces = MediaType.APPLICATION_XML_VALUE)
  @Transactional(readOnly = true)
  String diagram(@PathVariable String caseNumber) {
    CaseTrail.CasePath path = trail.path(visible(caseNumber));
    if (path.processDefinitionId() == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The history of case " + caseNumber + " is no longer kept");
    }
    return trail.diagram(path);
  }

  /**
   * Cases open at some time between {@code from} and {@code to} (dates, both included; closed cases too) whose case
   * number, customer account or customer name contains {@code q}; newest first, at most {@code size}.
   */
  @GetMapping("/api/case-history")
  @Transactional(readOnly = true)
  List<FoundCase> search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(defaultValue = "100") int size) {
    Instant start = date(from, "from").map(d -> d.atStartOfDay(clock.getZone()).toInstant()).orElse(Instant.EPOCH);
    Instant end = date(to, "to").map(d -> d.plusDays(1).atStartOfDay(clock.getZone()).toInstant())
        .orElse(Instant.parse("9999-12-31T00:00:00Z"));
    if (end.isBefore(start)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must not be after to");
    }
    return visibility.search(q, start, end, io.arcollect.system.Paging.size(size, 500, "size")).stream().map(c -> new FoundCase(c.getCaseNumber(),
        c.getCustomerAccount(), customers.find(c.getCustomerAccount()).map(CustomerProfile::name).orElse(null),
        c.getStatus().name(), c.getOutcome(), c.getStrategy(), c.getCurrency(), c.getAmountAtOpen(),
        c.getOutstandingAmount(), c.getOpenedAt(), c.getClosedAt())).toList();
  }

  private static java.util.Optional<LocalDate> date(String text, String name) {
    if (text == null || text.isBlank()) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(LocalDate.parse(text.trim()));
    } catch (DateTimeParseException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + " must be a date like 2026-03-31, not " + text);
    }
  }

  private CollectionCase visible(String caseNumber) {
    return visibility.find(caseNumber)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseNumber));
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
