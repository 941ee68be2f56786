package io.arcollect.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The IBM "Accounts Receivable" sample (src/main/resources/demo, see its README) in ArCollect's
 * documented import formats. The sample has no customer master data; what a collector needs (name, tier,
 * industry, limit, language, contact) is made up deterministically from the customer id.
 */
public final class IbmSample {

  /** The day the demo looks at the sample from; the demo shifts it to the business date. */
  public static final LocalDate REFERENCE_DATE = LocalDate.of(2013, 6, 30);

  private static final String RESOURCE = "/demo/ibm-accounts-receivable.csv";
  private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");
  static final String CURRENCY = "USD";
  private static final String[] INDUSTRIES = {"Construction", "Retail", "Hospitality", "Manufacturing", "Wholesale",
      "Logistics", "Software", "Healthcare", "Energy", "Public sector"};
  private static final String[] NAME_FIRST = {"Blue River", "Northgate", "Summit", "Harbor", "Oakfield", "Silverline",
      "Redwood", "Granite", "Lakeside", "Brightway"};
  private static final String[] NAME_SECOND = {"Trading", "Industries", "Supply", "Systems", "Foods", "Logistics",
      "Builders", "Medical", "Energy", "Retail"};
  private static final String[] ZH_NAME_FIRST = {"上海华信", "北京新元", "深圳恒达", "广州安泰", "杭州云帆", "南京金石",
      "成都天府", "武汉长江", "苏州东吴", "天津海河"};
  private static final String[] ZH_NAME_SECOND = {"贸易有限公司", "实业有限公司", "科技有限公司", "物流有限公司", "建设有限公司"};

  private record SampleInvoice(String country, String customer, String number, LocalDate issued, LocalDate due,
      BigDecimal amount, boolean disputed, LocalDate settled) {}

  private final List<SampleInvoice> invoices;

  private IbmSample(List<SampleInvoice> invoices) {
    this.invoices = invoices;
  }

  public static IbmSample load() {
    try (InputStream in = IbmSample.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Demo sample " + RESOURCE + " is missing from the classpath");
      }
      List<SampleInvoice> rows = new ArrayList<>();
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        rows.add(new SampleInvoice(r.get("countryCode"), r.get("customerID"), r.get("invoiceNumber"),
            LocalDate.parse(r.get("InvoiceDate"), US_DATE), LocalDate.parse(r.get("DueDate"), US_DATE),
            new BigDecimal(r.get("InvoiceAmount")), "Yes".equalsIgnoreCase(r.get("Disputed")),
            LocalDate.parse(r.get("SettledDate"), US_DATE)));
      }
      return new IbmSample(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All 100 customers in the customer import format. */
  public String customersCsv() {
    Map<String, List<SampleInvoice>> byCustomer = new LinkedHashMap<>();
    invoices.stream().sorted(Comparator.comparing(SampleInvoice::customer))
        .forEach(i -> byCustomer.computeIfAbsent(i.customer(), k -> new ArrayList<>()).add(i));
    List<String> byVolume = byCustomer.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, List<SampleInvoice>> e) -> total(e.getValue())).reversed()
            .thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey).toList();
    return csv(List.of("account_number", "name", "tier", "industry", "credit_limit", "currency", "language",
        "time_zone", "email", "phone", "account_owner"), printer -> {
      for (Map.Entry<String, List<SampleInvoice>> customer : byCustomer.entrySet()) {
        String id = customer.getKey();
        int seed = Math.floorMod(id.hashCode(), 1000);
        int rank = byVolume.indexOf(id);
        String tier = rank < 10 ? "KEY" : rank < 60 ? "STANDARD" : "SMALL";
        boolean chinese = customer.getValue().get(0).country().equals("818");
        String name = chinese
            ? ZH_NAME_FIRST[seed % ZH_NAME_FIRST.length] + ZH_NAME_SECOND[seed / 10 % ZH_NAME_SECOND.length]
            : NAME_FIRST[seed % NAME_FIRST.length] + " " + NAME_SECOND[seed / 10 % NAME_SECOND.length] + " " + id.substring(5);
        // three months of average invoicing, rounded up to hundreds
        BigDecimal limit = total(customer.getValue()).divide(BigDecimal.valueOf(8), 0, RoundingMode.UP)
            .divide(BigDecimal.valueOf(100), 0, RoundingMode.UP).multiply(BigDecimal.valueOf(100));
        printer.printRecord(id, name, tier, INDUSTRIES[seed % INDUSTRIES.length], limit, CURRENCY,
            chinese ? "zh" : "en", timeZone(customer.getValue().get(0).country()),
            "accounts.payable@" + id.toLowerCase().replace("-", "") + ".example",
            chinese ? "+86 21 5555 " + String.format("%04d", seed) : "+1 555 01" + String.format("%03d", seed),
            tier.equals("KEY") ? "sally" : "");
      }
    });
  }

  /** Every invoice of the sample as the paid history it is (status PAID, paid date = settled date). */
  public String historicalInvoicesCsv() {
    return invoicesCsv(invoices, i -> i, null);
  }

  /**
   * The invoices as they stood on {@link #REFERENCE_DATE}, all dates moved so that the reference date
   * falls on {@code businessDate}: settled later = still open; issued later = left out.
   */
  public String invoicesOnBusinessDate(LocalDate businessDate) {
    long shift = ChronoUnit.DAYS.between(REFERENCE_DATE, businessDate);
    List<SampleInvoice> known = invoices.stream().filter(i -> !i.issued().isAfter(REFERENCE_DATE)).toList();
    return invoicesCsv(known, i -> new SampleInvoice(i.country(), i.customer(), i.number(), i.issued().plusDays(shift),
        i.due().plusDays(shift), i.amount(), i.disputed(), i.settled().plusDays(shift)), businessDate);
  }

  private static String invoicesCsv(List<SampleInvoice> rows, java.util.function.UnaryOperator<SampleInvoice> dates,
      LocalDate openAfter) {
    return csv(List.of("invoice_number", "customer_account", "issue_date", "due_date", "amount", "currency",
        "open_amount", "status", "paid_date", "disputed"), printer -> {
      for (SampleInvoice original : rows) {
        SampleInvoice i = dates.apply(original);
        boolean open = openAfter != null && i.settled().isAfter(openAfter);
        printer.printRecord(i.number(), i.customer(), i.issued(), i.due(), i.amount(), CURRENCY,
            open ? i.amount() : BigDecimal.ZERO, open ? "OPEN" : "PAID", open ? "" : i.settled(), i.disputed());
      }
    });
  }

  private static String timeZone(String countryCode) {
    return switch (countryCode) {
      case "391" -> "America/New_York";
      case "406" -> "America/Chicago";
      case "770" -> "America/Los_Angeles";
      case "818" -> "Asia/Shanghai";
      default -> "Europe/London";
    };
  }

  private static BigDecimal total(List<SampleInvoice> invoices) {
    return invoices.stream().map(SampleInvoice::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  interface Rows {
    void print(CSVPrinter printer) throws IOException;
  }

  static String csv(List<String> header, Rows rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
        .setRecordSeparator("\n").get().print(out)) {
      rows.print(printer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
