package io.arcollect.audit;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.arcollect.casework.CollectionCase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/** A case's trail as a printable PDF (A4 landscape), for the auditor's file. Times are UTC. */
final class TrailPdf {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private TrailPdf() {}

  static byte[] render(CollectionCase collectionCase, List<TrailEntry> trail, Instant printedAt) {
    StringBuilder html = new StringBuilder("""
        <html><head><style>
        @page { size: A4 landscape; margin: 12mm; @bottom-right { content: "page " counter(page) " of " counter(pages); font-size: 8pt; } }
        body { font-family: sans-serif; font-size: 8pt; }
        h1 { font-size: 14pt; margin: 0 0 2mm 0; }
        table { width: 100%; border-collapse: collapse; -fs-table-paginate: paginate; }
        th { background: #e8e8e8; text-align: left; }
        th, td { border: 0.5pt solid #999; padding: 1mm; vertical-align: top; word-wrap: break-word; }
        td.details { font-size: 7pt; color: #333; }
        </style></head><body>
        """);
    html.append("<h1>Audit trail of case ").append(text(collectionCase.getCaseNumber())).append("</h1>")
        .append("<p>Customer ").append(text(collectionCase.getCustomerAccount()))
        .append(" &#183; status ").append(text(collectionCase.getStatus()))
        .append(" &#183; outcome ").append(text(collectionCase.getOutcome()))
        .append(" &#183; opened ").append(text(collectionCase.getOpenedAt()))
        .append(" &#183; ").append(trail.size()).append(" entries &#183; printed ").append(text(printedAt)).append(" (UTC)</p>")
        .append("<table><thead><tr><th style=\"width:13%\">time</th><th style=\"width:10%\">kind</th>")
        .append("<th style=\"width:7%\">who</th><th style=\"width:15%\">step</th><th style=\"width:30%\">what</th>")
        .append("<th>details</th></tr></thead><tbody>");
    for (TrailEntry entry : trail) {
      html.append("<tr><td>").append(text(entry.at())).append("</td><td>").append(text(entry.kind()))
          .append("</td><td>").append(text(entry.actor())).append("</td><td>").append(text(entry.subject()))
          .append("</td><td>").append(text(entry.summary())).append("</td><td class=\"details\">")
          .append(details(entry.details())).append("</td></tr>");
    }
    html.append("</tbody></table></body></html>");
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try {
      new PdfRendererBuilder().useFastMode().withHtmlContent(html.toString(), null).toStream(pdf).run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pdf.toByteArray();
  }

  private static String details(Map<String, Object> details) {
    StringBuilder html = new StringBuilder();
    details.forEach((name, value) -> html.append(html.isEmpty() ? "" : "<br/>").append(text(name)).append(": ")
        .append(text(value)));
    return html.toString();
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    String plain = value instanceof Instant instant ? TIME.format(instant) : String.valueOf(value);
    // the renderer reads XHTML: escape markup and drop characters XML does not allow
    return HtmlUtils.htmlEscape(plain.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", ""), "UTF-8");
  }
}
