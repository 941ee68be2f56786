package io.arcollect.outreach;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * Renders the formal notice as a PDF letter (openhtmltopdf) with the embedded Noto Sans SC font, so Chinese
 * names and texts show real glyphs whatever fonts the reader has.
 */
@Component
public class FormalNoticeLetter {

  static final String FONT_FAMILY = "Noto Sans SC";
  private static final String FONT = "/fonts/NotoSansSC-Regular.ttf";

  private final CustomerMessages messages;
  private volatile byte[] font;

  FormalNoticeLetter(CustomerMessages messages) {
    this.messages = messages;
  }

  public byte[] render(CustomerMessage message) {
    String xhtml = messages.letter(message);
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.useFont(() -> new ByteArrayInputStream(font()), FONT_FAMILY);
    builder.withHtmlContent(xhtml, null);
    builder.withProducer("ArCollect");
    builder.toStream(pdf);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render the formal notice of " + message.request().caseNumber(), e);
    }
    return pdf.toByteArray();
  }

  /** The font file is 10 MB: read once, kept in memory. */
  private byte[] font() {
    byte[] bytes = font;
    if (bytes == null) {
      try (InputStream in = FormalNoticeLetter.class.getResourceAsStream(FONT)) {
        if (in == null) {
          throw new IllegalStateException("Font " + FONT + " is missing from the application");
        }
        bytes = in.readAllBytes();
        font = bytes;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return bytes;
  }
}
