package io.arcollect.reporting;

import io.arcollect.identity.StaffGroup;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/reports/kpis/{kpi}?from=&to=&department=&by=&format=json|csv}: the KPIs for finance,
 * auditors, process owners and administrators; the dashboard draws them. Sales, who see only their own
 * customers' cases, get no company-wide figures.
 */
@RestController
@PreAuthorize(KpiController.MANAGEMENT)
class KpiController {

  static final String MANAGEMENT =
      "hasAnyAuthority('GROUP_finance', 'GROUP_auditors', 'GROUP_process-owners', 'GROUP_camunda-admin')";

  static final List<String> KPIS = List.of("aging", "receivables", "promises", "cases", "recovery", "open-tasks");
  private static final long MAX_MONTHS = 120;

  private final KpiReport report;
  private final Clock clock;

  KpiController(KpiReport report, Clock clock) {
    this.report = report;
    this.clock = clock;
  }

  @GetMapping("/api/reports/kpis")
  List<String> kpis() {
    return KPIS;
  }

  @GetMapping("/api/reports/kpis/{kpi}")
  ResponseEntity<?> kpi(@PathVariable String kpi,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String department, @RequestParam(defaultValue = "strategy") String by,
      @RequestParam(defaultValue = "json") String format) {
    LocalDate end = to != null ? to : LocalDate.now(clock);
    LocalDate start = from != null ? from : end.minusYears(1).plusDays(1);
    if (start.isAfter(end)) {
      throw badRequest("from (" + start + ") must not be after to (" + end + ")");
    }
    if (ChronoUnit.MONTHS.between(start, end) >= MAX_MONTHS) {
      throw badRequest("a period may be at most " + MAX_MONTHS + " months long");
    }
    String wantedDepartment = department == null || department.isBlank() ? null : department.toLowerCase(Locale.ROOT);
    if (wantedDepartment != null && StaffGroup.departments().stream().noneMatch(g -> g.id().equals(wantedDepartment))) {
      throw badRequest("department must be one of " + StaffGroup.departments().stream().map(StaffGroup::id).toList());
    }
    String wantedFormat = format.toLowerCase(Locale.ROOT);
    if (!wantedFormat.equals("json") && !wantedFormat.equals("csv")) {
      throw badRequest("format must be json or csv, not " + format);
    }
    KpiTable table = switch (kpi) {
      case "aging" -> report.aging(end);
      case "receivables" -> report.receivables(start, end);
      case "promises" -> report.promises(start, end, wantedDepartment);
      case "cases" -> report.cases(start, end, wantedDepartment);
      case "recovery" -> report.recovery(start, end, wantedDepartment, recoveryBy(by));
      case "open-tasks" -> report.openTasks(wantedDepartment);
      default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No KPI " + kpi + "; there are " + KPIS);
    };
    if (wantedFormat.equals("json")) {
      return ResponseEntity.ok(table);
    }
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(table.name() + "-" + start + "-" + end + ".csv").build().toString())
        .body(table.csv());
  }

  private static KpiReport.RecoveryBy recoveryBy(String by) {
    try {
      return KpiReport.RecoveryBy.valueOf(by.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw badRequest("by must be strategy, department or collector, not " + by);
    }
  }

  private static ResponseStatusException badRequest(String reason) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
  }
}
