package io.arcollect.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Reminders and the formal notice through a real SMTP server, in the customer's language. */
class CustomerEmailTest extends OutreachTestBase {

  @Test
  void anEnglishCustomerGetsAnEnglishReminderWithTheCaseNumberAndTheUndisputedInvoices() throws Exception {
    Customer customer = Customer.english("Harbour Tools Ltd");
    Case c = openCase(customer);
    jdbc.update("update invoices set disputed = true, dispute_reason = 'Goods returned' where invoice_number = ?",
        c.account() + "-2");

    deliverContacts(c);

    List<MimeMessage> mails = mailTo(customer.email());
    assertThat(mails).hasSize(1);
    MimeMessage reminder = mails.get(0);
    assertThat(reminder.getSubject()).isEqualTo("Payment reminder " + c.number() + ": overdue invoices");
    String body = html(reminder);
    Files.writeString(Files.createDirectories(Path.of("target", "outreach")).resolve("friendly-reminder-en.html"), body);
    assertThat(body).contains("Dear Harbour Tools Ltd,", "past their due date", c.account() + "-1", "400.00",
        "Total open", "USD 400.00", c.number());
    assertThat(body).as("disputed invoices are not asked for").doesNotContain(c.account() + "-2");
    assertThat(contactLog(c)).anySatisfy(row -> {
      assertThat(row.get("channel")).isEqualTo("EMAIL");
      assertThat(row.get("template")).isEqualTo("friendly-reminder");
      assertThat(row.get("outcome")).isEqualTo("SENT");
      assertThat(row.get("user_id")).isNull();
      assertThat((String) row.get("reference")).matches("document:\\d+ message:" + java.util.regex.Pattern.quote(reminder.getMessageID()));
    });
  }

  @Test
  void aChineseCustomerGetsTheReminderInChinese() throws Exception {
    Customer customer = new Customer("上海云帆贸易有限公司", "zh", "Asia/Shanghai", "finance@yunfan.example", null, false);
    Case c = openCase(customer);

    deliverContacts(c);

    List<MimeMessage> mails = mailTo(customer.email());
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).getSubject()).isEqualTo("付款提醒 " + c.number() + "：发票已逾期");
    assertThat(html(mails.get(0))).contains("尊敬的上海云帆贸易有限公司：", "以下发票已超过付款期限", "发票号", "未付合计",
        c.account() + "-1", c.account() + "-2", "USD 1,000.00");
  }

  @Test
  void theFormalNoticeMailCarriesThePdfLetterWithTheChineseNameAndTheAmountAndItIsStoredWithTheCase() throws Exception {
    Customer customer = new Customer("深圳星河电子股份有限公司", "zh", "Asia/Shanghai", "ar@xinghe.example", null, false);
    Case c = openCase(customer);
    complete(c, "sally", Map.of("contactOutcome", "REFUSES", "notes", "Will not pay"));
    complete(c, "fiona", Map.of("demandLetterDecision", "APPROVED", "noticeDays", 14));

    deliverContacts(c);

    MimeMessage notice = mailTo(customer.email()).stream()
        .filter(mail -> subject(mail).startsWith("正式催款通知 " + c.number())).findFirst().orElseThrow();
    Map<String, byte[]> files = attachments(notice);
    assertThat(files).containsKey(c.number() + "-formal-notice.pdf");
    byte[] pdf = files.get(c.number() + "-formal-notice.pdf");
    String text = pdfText(pdf);
    assertThat(text).contains("深圳星河电子股份有限公司", "正式催款通知函", c.number(), "USD 1,000.00", "应付总额");
    LocalDate deadline = LocalDate.parse((String) runtime.getVariable(c.instance().getId(), "noticeDeadline"));
    assertThat(text).as("the letter demands payment by the case's own deadline").contains(
        deadline.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.CHINESE)));
    assertThat(text).as("8%% interest and a 40.00 fee are configured in this test").contains("催收费用", "40.00");
    Map<String, Object> stored = jdbc.queryForMap("select * from case_documents where case_number = ? and kind = 'FORMAL_NOTICE'", c.number());
    assertThat(stored.get("kind")).isEqualTo("FORMAL_NOTICE");
    assertThat((byte[]) stored.get("content")).isEqualTo(pdf);
    assertThat(contactLog(c)).anySatisfy(row -> {
      assertThat(row.get("channel")).isEqualTo("LETTER");
      assertThat(row.get("outcome")).isEqualTo("SENT");
      assertThat((String) row.get("reference")).contains("document:" + stored.get("id"), "message:" + notice.getMessageID());
    });

    Path dir = Files.createDirectories(Path.of("target", "outreach"));
    Files.write(dir.resolve("formal-notice-zh.pdf"), pdf);
    preview(dir.resolve("formal-notice-zh.pdf"), dir.resolve("formal-notice-zh"));
    assertThat(dir.resolve("formal-notice-zh-1.png")).exists().satisfies(png -> assertThat(Files.size(png)).isGreaterThan(10_000));
  }

  @Test
  void aPromiseToPayIsConfirmedWithItsAmountAndDate() throws Exception {
    Customer customer = Customer.english("Steady Steel Ltd");
    Case c = openCase(customer);

    complete(c, "sally", Map.of("contactOutcome", "PROMISE_TO_PAY", "promisedAmount", 600, "promisedDate", "2026-03-10"));
    deliverContacts(c);

    MimeMessage confirmation = mailTo(customer.email()).stream()
        .filter(mail -> subject(mail).equals("Your payment promise " + c.number())).findFirst().orElseThrow();
    assertThat(html(confirmation)).contains("you will pay USD 600.00 by March 10, 2026", c.account() + "-1");
  }

  @Test
  void anInstalmentPlanIsConfirmedWithEveryPaymentAndItsDate() throws Exception {
    Customer customer = Customer.english("Patient Printing Co");
    Case c = openCase(customer);

    complete(c, "sally", Map.of("contactOutcome", "HARDSHIP", "notes", "Cash flow problem"));
    complete(c, "fiona", Map.of("planDownPayment", 100, "planInstalmentCount", 3, "planFirstDueDate", "2026-03-16",
        "planIntervalDays", 30));
    deliverContacts(c);

    MimeMessage confirmation = mailTo(customer.email()).stream()
        .filter(mail -> subject(mail).equals("Your instalment plan " + c.number())).findFirst().orElseThrow();
    String body = html(confirmation).replaceAll("\\s+", " ");
    assertThat(body).contains("an instalment plan with us for USD 1,000.00",
        "March 2, 2026</td> <td style=\"text-align: right;\">100.00",
        "March 16, 2026</td> <td style=\"text-align: right;\">300.00",
        "April 15, 2026</td> <td style=\"text-align: right;\">300.00",
        "May 15, 2026</td> <td style=\"text-align: right;\">300.00");
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  /** Page 1 as a PNG for people to look at (pdftoppm, from poppler-utils). */
  private static void preview(Path pdf, Path pngPrefix) throws Exception {
    boolean required = Boolean.parseBoolean(System.getenv("ARCOLLECT_TEST_PDFTOPPM_REQUIRED"));
    Process pdftoppm;
    try {
      pdftoppm = new ProcessBuilder("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", pdf.toString(),
          pngPrefix.toString()).inheritIO().start();
    } catch (java.io.IOException e) {
      if (required) {
        throw new AssertionError("pdftoppm is required (ARCOLLECT_TEST_PDFTOPPM_REQUIRED) but missing: "
            + "apt-get install -y poppler-utils", e);
      }
      System.err.println("[arcollect] letter preview SKIPPED: pdftoppm missing (apt-get install -y poppler-utils)");
      Assumptions.abort("pdftoppm is not installed");
      return;
    }
    assertThat(pdftoppm.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(pdftoppm.exitValue()).isZero();
  }
}
