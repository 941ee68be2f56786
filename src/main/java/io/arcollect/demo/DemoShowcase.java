package io.arcollect.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * A few made-up customers beside the IBM sample, whose overdue accounts are all late payers (credit grade D,
 * worked by finance): good payers with a slip, so the demo also shows the sales strategies (standard dunning
 * by email, key account care by the account owner) in English and Chinese, with B2B amounts. Dates are
 * relative to the business date, so they are overdue whenever the demo starts.
 */
final class DemoShowcase {

  /** {@code paysLateDays}: how late the customer paid its earlier invoices (0: two days early). */
  private record Showcase(String account, String name, String tier, String industry, String language, String timeZone,
      String owner, int[] overdue, int paysLateDays) {}

  /** Street, postcode, city, region, country. */
  private record Address(String street, String postcode, String city, String region, String country) {}

  private record Contact(String account, String name, String role, String email, String phone, String channel) {}

  private static final List<Showcase> CUSTOMERS = List.of(
      new Showcase("SHOW-0001", "Brightwater Foods GmbH", "STANDARD", "Food & Beverage", "en", "Europe/Berlin", "sally",
          new int[] {4_800, 7_250}, 0),
      new Showcase("SHOW-0002", "杭州明远机械有限公司", "STANDARD", "Manufacturing", "zh", "Asia/Shanghai", "sally",
          new int[] {12_600}, 0),
      new Showcase("SHOW-0003", "Meridian Hotels plc", "KEY", "Hospitality", "en", "Europe/London", "sally",
          new int[] {18_900, 9_400}, 0),
      // a late payer (grade D) without an account owner: its call is a finance department task
      new Showcase("SHOW-0004", "Harbourline Logistics Ltd", "STANDARD", "Transport & Logistics", "en", "Europe/London",
          null, new int[] {2_400}, 45));

  private static final List<Address> ADDRESSES = List.of(
      new Address("Hafenstraße 12", "20457", "Hamburg", "", "DE"),
      new Address("西湖区文三路388号", "310012", "杭州市", "浙江省", "CN"),
      new Address("18 Aldwych", "WC2B 4DA", "London", "", "GB"),
      new Address("7 Dock Road", "L3 4AF", "Liverpool", "", "GB"));

  private static final List<Contact> CONTACTS = List.of(
      new Contact("SHOW-0001", "Katrin Vogel", "Head of Accounts Payable", "katrin.vogel@show-0001.example",
          "+49 40 5550 1201", "PHONE"),
      new Contact("SHOW-0001", "Jonas Brandt", "Finance Director", "jonas.brandt@show-0001.example", "+49 40 5550 1100",
          "EMAIL"),
      new Contact("SHOW-0002", "王丽", "财务经理", "wang.li@show-0002.example", "+86 571 8888 0101", "PHONE"),
      new Contact("SHOW-0002", "陈军", "总经理", "chen.jun@show-0002.example", "+86 571 8888 0100", "EMAIL"),
      new Contact("SHOW-0003", "Priya Shah", "Accounts Payable Manager", "priya.shah@show-0003.example",
          "+44 20 7946 0310", "PHONE"),
      new Contact("SHOW-0003", "Oliver Grant", "Chief Financial Officer", "oliver.grant@show-0003.example",
          "+44 20 7946 0300", "EMAIL"),
      new Contact("SHOW-0004", "Martin Hughes", "Accounts Payable Clerk", "martin.hughes@show-0004.example",
          "+44 151 496 0420", "PHONE"),
      new Contact("SHOW-0004", "Sarah Doyle", "Finance Manager", "sarah.doyle@show-0004.example", "+44 151 496 0400",
          "EMAIL"));

  private DemoShowcase() {}

  static String customersCsv() {
    return IbmSample.csv(List.of("account_number", "name", "tier", "industry", "credit_limit", "currency", "language",
        "time_zone", "email", "phone", "account_owner", "address_line1", "postcode", "city", "region", "country"),
        printer -> {
          for (int i = 0; i < CUSTOMERS.size(); i++) {
            Showcase c = CUSTOMERS.get(i);
            Address a = ADDRESSES.get(i);
            printer.printRecord(c.account(), c.name(), c.tier(), c.industry(), 60_000, IbmSample.CURRENCY, c.language(),
                c.timeZone(), "ap@" + c.account().toLowerCase() + ".example",
                c.language().equals("zh") ? "+86 571 8888 0001" : "+44 20 7946 0001", c.owner(), a.street(),
                a.postcode(), a.city(), a.region(), a.country());
          }
        });
  }

  /** Two contact persons per showcase customer: the one collectors call and their superior. */
  static String contactsCsv() {
    return IbmSample.csv(List.of("customer_account", "name", "role", "email", "phone", "preferred_channel"), printer -> {
      for (Contact c : CONTACTS) {
        printer.printRecord(c.account(), c.name(), c.role(), c.email(), c.phone(), c.channel());
      }
    });
  }

  /** Six invoices paid over the last year (on time, or late for the late payer), then the overdue ones (20 and 9 days past due). */
  static String invoicesCsv(LocalDate today) {
    return IbmSample.csv(List.of("invoice_number", "customer_account", "issue_date", "due_date", "amount", "currency",
        "open_amount", "status", "paid_date", "disputed"), printer -> {
          for (Showcase c : CUSTOMERS) {
            for (int paid = 1; paid <= 6; paid++) {
              LocalDate due = today.minusDays(60L * paid);
              printer.printRecord(c.account() + "-H" + paid, c.account(), due.minusDays(30), due, 6_000 + 250 * paid,
                  IbmSample.CURRENCY, 0, "PAID", c.paysLateDays() == 0 ? due.minusDays(2) : due.plusDays(c.paysLateDays()), "No");
            }
            for (int i = 0; i < c.overdue().length; i++) {
              LocalDate due = today.minusDays(i == 0 ? 20 : 9);
              printer.printRecord(c.account() + "-" + (i + 1), c.account(), due.minusDays(30), due, c.overdue()[i],
                  IbmSample.CURRENCY, c.overdue()[i], "OPEN", "", "No");
            }
          }
        });
  }
}
