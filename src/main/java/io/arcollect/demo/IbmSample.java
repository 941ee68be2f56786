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
  /** City, postcode and province of the cities in ZH_NAME_FIRST, in the same order. */
  private static final String[][] ZH_CITIES = {{"上海市", "200120", ""}, {"北京市", "100020", ""},
      {"深圳市", "518000", "广东省"}, {"广州市", "510000", "广东省"}, {"杭州市", "310012", "浙江省"},
      {"南京市", "210000", "江苏省"}, {"成都市", "610000", "四川省"}, {"武汉市", "430000", "湖北省"},
      {"苏州市", "215000", "江苏省"}, {"天津市", "300000", ""}};
  private static final String[] ZH_STREETS = {"人民路", "中山路", "解放路", "建设路", "和平路"};
  private static final String[] ZH_SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"};
  private static final String[] ZH_GIVEN = {"丽", "伟", "芳", "军", "敏", "静", "磊", "洋", "艳", "强"};
  private static final String[] STREETS = {"Main Street", "Oak Avenue", "Market Street", "Park Road", "Church Lane",
      "Mill Road", "Station Road", "High Street", "Elm Street", "Bridge Street"};
  private static final String[] FIRST_NAMES = {"Anna", "Ben", "Clara", "David", "Emma", "Felix", "Grace", "Henry",
      "Isla", "Jack"};
  private static final String[] LAST_NAMES = {"Miller", "Baker", "Clarke", "Evans", "Foster", "Hughes", "Jones",
      "Lewis", "Morgan", "Walker"};

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

  /** All 100 customers in the customer import format, with a made-up postal address. */
  public String customersCsv() {
    return csv(List.of("account_number", "name", "tier", "industry", "credit_limit", "currency", "language",
        "time_zone", "email", "phone", "account_owner", "address_line1", "postcode", "city", "region", "country"),
        printer -> {
      for (SampleCustomer customer : customers()) {
        String id = customer.id();
        int seed = customer.seed();
        String name = customer.chinese()
            ? ZH_NAME_FIRST[seed % ZH_NAME_FIRST.length] + ZH_NAME_SECOND[seed / 10 % ZH_NAME_SECOND.length]
            : NAME_FIRST[seed % NAME_FIRST.length] + " " + NAME_SECOND[seed / 10 % NAME_SECOND.length] + " " + id.substring(5);
        // three months of average invoicing, rounded up to hundreds
        BigDecimal limit = total(customer.invoices()).divide(BigDecimal.valueOf(8), 0, RoundingMode.UP)
            .divide(BigDecimal.valueOf(100), 0, RoundingMode.UP).multiply(BigDecimal.valueOf(100));
        List<String> address = address(customer.country(), seed);
        printer.printRecord(id, name, customer.tier(), INDUSTRIES[seed % INDUSTRIES.length], limit, CURRENCY,
            customer.chinese() ? "zh" : "en", timeZone(customer.country()),
            "accounts.payable@" + id.toLowerCase().replace("-", "") + ".example",
            customer.chinese() ? "+86 21 5555 " + String.format("%04d", seed) : "+1 555 01" + String.format("%03d", seed),
            customer.tier().equals("KEY") ? "sally" : "", address.get(0), address.get(1), address.get(2),
            address.get(3), address.get(4));
      }
    });
  }

  /** One accounts-payable contact person per customer in the contact import format; key accounts prefer a call. */
  public String contactsCsv() {
    return csv(List.of("customer_account", "name", "role", "email", "phone", "preferred_channel"), printer -> {
      for (SampleCustomer customer : customers()) {
        int seed = customer.seed();
        String mailbox = customer.id().toLowerCase().replace("-", "");
        if (customer.chinese()) {
          printer.printRecord(customer.id(), ZH_SURNAMES[seed % ZH_SURNAMES.length] + ZH_GIVEN[seed / 10 % ZH_GIVEN.length],
              "应付账款主管", "ap.lead@" + mailbox + ".example", "+86 21 5555 " + String.format("%04d", 1000 + seed),
              customer.tier().equals("KEY") ? "PHONE" : "EMAIL");
        } else {
          String first = FIRST_NAMES[seed % FIRST_NAMES.length];
          String last = LAST_NAMES[seed / 10 % LAST_NAMES.length];
          printer.printRecord(customer.id(), first + " " + last, "Accounts Payable Lead",
              first.toLowerCase() + "." + last.toLowerCase() + "@" + mailbox + ".example",
              "+1 555 02" + String.format("%03d", seed), customer.tier().equals("KEY") ? "PHONE" : "EMAIL");
        }
      }
    });
  }

  private record SampleCustomer(String id, int seed, String tier, String country, boolean chinese,
      List<SampleInvoice> invoices) {}

  /** The sample's customers by id; the ten largest by volume are key accounts, the next fifty standard. */
  private List<SampleCustomer> customers() {
    Map<String, List<SampleInvoice>> byCustomer = new LinkedHashMap<>();
    invoices.stream().sorted(Comparator.comparing(SampleInvoice::customer))
        .forEach(i -> byCustomer.computeIfAbsent(i.customer(), k -> new ArrayList<>()).add(i));
    List<String> byVolume = byCustomer.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, List<SampleInvoice>> e) -> total(e.getValue())).reversed()
            .thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey).toList();
    return byCustomer.entrySet().stream().map(customer -> {
      String id = customer.getKey();
      int rank = byVolume.indexOf(id);
      String country = customer.getValue().get(0).country();
      return new SampleCustomer(id, Math.floorMod(id.hashCode(), 1000), rank < 10 ? "KEY" : rank < 60 ? "STANDARD" : "SMALL",
          country, country.equals("818"), customer.getValue());
    }).toList();
  }

  /** Street, postcode, city, region, country of a made-up address in the sample's country. */
  private static List<String> address(String countryCode, int seed) {
    int number = 1 + seed % 240;
    String street = STREETS[seed / 10 % STREETS.length];
    return switch (countryCode) {
      case "391" -> List.of(number + " " + street, "10001", "New York", "NY", "US");
      case "406" -> List.of(number + " " + street, "60601", "Chicago", "IL", "US");
      case "770" -> List.of(number + " " + street, "90012", "Los Angeles", "CA", "US");
      // the city is the one the company's name starts with
      case "818" -> List.of(ZH_STREETS[seed / 10 % ZH_STREETS.length] + number + "号", ZH_CITIES[seed % ZH_CITIES.length][1],
          ZH_CITIES[seed % ZH_CITIES.length][0], ZH_CITIES[seed % ZH_CITIES.length][2], "CN");
      default -> List.of(number + " " + street, "EC2A " + (1 + seed % 9) + "AB", "London", "", "GB");
    };
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
