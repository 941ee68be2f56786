package io.arcollect.audit;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.arcollect.casework.CaseInvoice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * A case's file as a printable PDF (A4 landscape) for the auditor: a first page that summarises the case, then the
 * timeline. The Noto Sans SC font is embedded (only the glyphs used), so Chinese names and notes print as they
 * are wherever the file is opened. Times are UTC.
 */
final class TrailPdf {

  private static final String FONT = "/fonts/NotoSansSC-Regular.ttf";
  private static final String FONT_FAMILY = "Noto Sans SC";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private TrailPdf() {}

  static byte[] render(CaseSummary summary, List<TrailEntry> trail, Instant printedAt) {
    StringBuilder html = new StringBuilder("""
        <html><head><style>
        @page { size: A4 landscape; margin: 12mm 12mm 14mm 12mm;
          @bottom-left { content: "%s"; font-family: "Noto Sans SC"; font-size: 7pt; color: #555; }
          @bottom-right { content: "page " counter(page) " of " counter(pages); font-family: "Noto Sans SC"; font-size: 7pt; } }
        body { font-family: "Noto Sans SC"; font-size: 8pt; }
        h1 { font-size: 15pt; margin: 0 0 1mm 0; }
        h2 { font-size: 10pt; margin: 4mm 0 1mm 0; }
        p.sub { margin: 0 0 3mm 0; color: #444; }
        table { width: 100%%; border-collapse: collapse; }
        table.timeline { table-layout: fixed; -fs-table-paginate: paginate; }
        th { background: #e8e8e8; text-align: left; font-weight: normal; }
        th, td { border: 0.5pt solid #999; padding: 0.8mm 1mm; vertical-align: top; }
        td.nowrap, th.nowrap { white-space: nowrap; }
        td.num { text-align: right; white-space: nowrap; }
        td.details { font-size: 6.5pt; color: #333; }
        table.facts td.label { width: 38mm; color: #444; white-space: nowrap; }
        .columns { width: 100%%; }
        .timeline-start { page-break-before: always; }
        </style></head><body>
        """.formatted(text("Case " + summary.caseNumber() + ", printed " + TIME.format(printedAt) + " UTC")));
    summaryPage(html, summary);
    html.append("<div class=\"timeline-start\"><h1>Timeline of case ").append(text(summary.caseNumber())).append("</h1>")
        .append("<p class=\"sub\">").append(trail.size()).append(" entries, oldest first; times UTC. ")
        .append("The engine's raw history (variable changes, activities) is in the JSON/CSV export with detail=full.</p>")
        .append("<table class=\"timeline\"><colgroup><col style=\"width:25mm\"/><col style=\"width:19mm\"/>")
        .append("<col style=\"width:14mm\"/><col style=\"width:44mm\"/><col style=\"width:88mm\"/><col/></colgroup>")
        .append("<thead><tr><th class=\"nowrap\">time</th><th class=\"nowrap\">kind</th><th class=\"nowrap\">who</th>")
        .append("<th>step</th><th>what</th><th>details</th></tr></thead><tbody>");
    for (TrailEntry entry : trail) {
      html.append("<tr><td class=\"nowrap\">").append(text(entry.at())).append("</td><td class=\"nowrap\">")
          .append(text(kindName(entry.kind()))).append("</td><td class=\"nowrap\">").append(text(entry.actor()))
          .append("</td><td>").append(text(entry.subject())).append("</td><td>").append(text(entry.summary()))
          .append("</td><td class=\"details\">").append(details(entry)).append("</td></tr>");
    }
    html.append("</tbody></table></div></body></html>");
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useFont(TrailPdf::font, FONT_FAMILY);
      builder.withHtmlContent(html.toString(), null);
      builder.withProducer("ArCollect");
      builder.toStream(pdf);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pdf.toByteArray();
  }

  private static void summaryPage(StringBuilder html, CaseSummary s) {
    String currency = s.currency();
    html.append("<h1>Case ").append(text(s.caseNumber())).append(": ").append(text(s.customerName())).append("</h1>")
        .append("<p class=\"sub\">Customer account ").append(text(s.customerAccount())).append(" &#183; ")
        .append(text(s.status())).append(s.outcome() == null ? "" : " &#183; outcome " + text(s.outcome()))
        .append(" &#183; opened ").append(text(day(s.openedAt())))
        .append(s.closedAt() == null ? "" : " &#183; closed " + text(day(s.closedAt()))).append("</p>");
    html.append("<table class=\"columns\"><tr><td style=\"width:50%; border:none; padding:0 3mm 0 0\">");
    html.append("<h2>Strategy</h2><table class=\"facts\">");
    fact(html, "Strategy", s.strategy());
    fact(html, "Credit grade", s.creditGrade());
    fact(html, "Owning department", s.owningDepartment());
    fact(html, "Why", s.strategyBecause() == null ? null
        : s.strategyBecause() + (s.strategyVersion() == null ? "" : " (collection-strategy version " + s.strategyVersion() + ")"));
    html.append("</table><h2>Money</h2><table class=\"facts\">");
    fact(html, "Overdue when opened", CaseTrail.money(currency, s.amountAtOpen()));
    fact(html, "Received", CaseTrail.money(currency, s.received()));
    if (s.credited().signum() > 0) {
      fact(html, "Credited", CaseTrail.money(currency, s.credited()));
    }
    fact(html, "Written off", CaseTrail.money(currency, s.writtenOff()));
    fact(html, "Outstanding now", CaseTrail.money(currency, s.outstanding()));
    html.append("</table></td><td style=\"border:none; padding:0 0 0 3mm\">");
    html.append("<h2>Stages</h2><table><thead><tr><th class=\"nowrap\">entered</th><th class=\"nowrap\">stage</th>")
        .append("<th>because</th></tr></thead><tbody>");
    for (CaseSummary.Stage stage : s.stages()) {
      html.append("<tr><td class=\"nowrap\">").append(text(stage.enteredAt())).append("</td><td class=\"nowrap\">")
          .append(text(stage.stage())).append("</td><td>").append(text(stage.cause())).append("</td></tr>");
    }
    html.append("<tr><td class=\"nowrap\">").append(text(s.closedAt())).append("</td><td class=\"nowrap\">")
        .append(s.closedAt() == null ? "(open)" : "CLOSED").append("</td><td>").append(text(s.outcome()))
        .append("</td></tr></tbody></table>");
    html.append("<h2>Invoices</h2><table><thead><tr><th class=\"nowrap\">invoice</th><th class=\"nowrap\">due</th>")
        .append("<th class=\"nowrap\">amount</th><th class=\"nowrap\">open</th><th class=\"nowrap\">status</th></tr></thead><tbody>");
    for (CaseInvoice invoice : s.invoices()) {
      html.append("<tr><td class=\"nowrap\">").append(text(invoice.invoiceNumber())).append("</td><td class=\"nowrap\">")
          .append(text(invoice.dueDate())).append("</td><td class=\"num\">")
          .append(text(CaseTrail.money(invoice.currency(), invoice.amount()))).append("</td><td class=\"num\">")
          .append(text(CaseTrail.money(invoice.currency(), invoice.openAmount()))).append("</td><td class=\"nowrap\">")
          .append(text(invoice.status() + (invoice.disputed() ? ", disputed" : ""))).append("</td></tr>");
    }
    html.append("</tbody></table></td></tr></table>");
  }

  private static void fact(StringBuilder html, String label, String value) {
    html.append("<tr><td class=\"label\">").append(text(label)).append("</td><td>").append(text(value)).append("</td></tr>");
  }

  private static String kindName(TrailEntry.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** Engine ids, and what the "what" column already says, are left to the JSON export. */
  private static final java.util.Set<String> NOT_PRINTED = java.util.Set.of("taskId", "taskDefinitionKey", "activityId",
      "activityType", "decisionDefinitionId", "decisionDefinitionKey", "event", "processInstanceId", "stage");

  private static String details(TrailEntry entry) {
    StringBuilder html = new StringBuilder();
    entry.details().forEach((name, value) -> {
      if (NOT_PRINTED.contains(name) || entry.kind() == TrailEntry.Kind.DECISION && !"inputs".equals(name)
          || entry.kind() == TrailEntry.Kind.HUMAN_STEP && "submitted".equals(name)) {
        return;
      }
      html.append(html.isEmpty() ? "" : "<br/>").append(text(name)).append(": ").append(text(compact(value)));
    });
    return html.toString();
  }

  /** Nested values (submitted fields, allocations, matched rules) on one line each. */
  private static String compact(Object value) {
    if (value instanceof Map<?, ?> map) {
      StringBuilder text = new StringBuilder();
      map.forEach((k, v) -> text.append(text.isEmpty() ? "" : "; ").append(k).append(" = ").append(compact(v)));
      return text.toString();
    }
    if (value instanceof Collection<?> list) {
      return String.join(" | ", list.stream().map(TrailPdf::compact).toList());
    }
    if (value instanceof Instant instant) {
      return TIME.format(instant);
    }
    return value instanceof BigDecimal amount ? amount.toPlainString() : String.valueOf(value);
  }

  private static String day(Instant instant) {
    return instant == null ? null : DAY.format(instant);
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    String plain = value instanceof Instant instant ? TIME.format(instant) : String.valueOf(value);
    // the renderer reads XHTML: escape markup and drop characters XML does not allow
    return HtmlUtils.htmlEscape(plain.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", ""), "UTF-8");
  }

  private static InputStream font() {
    InputStream font = TrailPdf.class.getResourceAsStream(FONT);
    if (font == null) {
      throw new IllegalStateException("Font " + FONT + " is missing from the application");
    }
    return font;
  }
}
