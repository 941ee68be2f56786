package io.arcollect.outreach;

import static io.arcollect.casework.CaseContext.money;

import io.arcollect.casework.CaseInvoice;
import io.arcollect.casework.CaseProgress;
import io.arcollect.casework.InstalmentPlan;
import io.arcollect.ledger.CustomerDirectory;
import io.arcollect.ledger.CustomerDirectory.CustomerProfile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.StringUtils;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import io.arcollect.casework.ContactAttempt;
import io.arcollect.casework.ContactLog;
import java.nio.file.Path;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes what ArCollect sends to customers, in the customer's language: emails and SMS from the templates in
 * {@code outreach/templates/} and the texts in {@code outreach/messages*.properties} (English is the default,
 * {@code _zh} Chinese; add a {@code messages_xx.properties} for another language). Disputed invoices are never
 * in the invoice table.
 */
@Service
public class CustomerMessages {

  /** Languages with their own texts; any other customer language gets English. */
  static final Set<String> LANGUAGES = Set.of("en", "zh");

  private final CustomerDirectory customers;
  private final CaseProgress cases;
  private final ContactLog contactLog;
  private final OutreachSettings settings;
  private final SpringTemplateEngine templates;
  private final MessageSource texts;

  CustomerMessages(CustomerDirectory customers, CaseProgress cases, ContactLog contactLog, OutreachSettings settings) {
    this.customers = customers;
    this.cases = cases;
    this.contactLog = contactLog;
    this.settings = settings;
    ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
    bundle.setBasename("outreach/messages");
    bundle.setDefaultEncoding("UTF-8");
    bundle.setFallbackToSystemLocale(false);
    MessageSource messages = bundle;
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("outreach/templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setOrder(2);
    this.templates = new SpringTemplateEngine();
    if (StringUtils.hasText(settings.textsDir())) {
      // a process owner's texts: read at send time, anything they do not define comes from the bundled ones
      Path dir = Path.of(settings.textsDir()).toAbsolutePath();
      ReloadableResourceBundleMessageSource own = new ReloadableResourceBundleMessageSource();
      own.setBasename(dir.resolve("messages").toUri().toString());
      own.setDefaultEncoding("UTF-8");
      own.setFallbackToSystemLocale(false);
      own.setCacheMillis(0);
      own.setParentMessageSource(bundle);
      messages = own;
      FileTemplateResolver ownTemplates = new FileTemplateResolver();
      ownTemplates.setPrefix(dir.resolve("templates").toString() + java.io.File.separator);
      ownTemplates.setSuffix(".html");
      ownTemplates.setTemplateMode(TemplateMode.HTML);
      ownTemplates.setCharacterEncoding("UTF-8");
      ownTemplates.setCheckExistence(true);
      ownTemplates.setCacheable(false);
      ownTemplates.setOrder(1);
      templates.addTemplateResolver(ownTemplates);
    }
    this.texts = messages;
    templates.addTemplateResolver(resolver);
    templates.setTemplateEngineMessageSource(messages);
  }

  /** Everything a message about this request says, as of now. */
  @Transactional(readOnly = true)
  public CustomerMessage compose(ContactRequest request) {
    CustomerProfile customer = customers.find(request.customerAccount())
        .orElseThrow(() -> new IllegalStateException("No customer " + request.customerAccount()));
    Locale locale = localeOf(customer.language());
    LocalDate today = cases.today();
    List<CaseInvoice> open = cases.invoices(request.caseNumber()).stream().filter(CaseInvoice::isClaimable).toList();
    String currency = open.isEmpty() ? customer.currency() : open.get(0).currency();
    boolean notice = "formal-notice".equals(request.template());
    BigDecimal rate = notice ? settings.notice().annualInterestPercent() : BigDecimal.ZERO;

    Map<String, Object> v = new LinkedHashMap<>();
    v.put("template", request.template());
    v.put("caseNumber", request.caseNumber());
    v.put("customerName", customer.name());
    v.put("customerAccount", customer.accountNumber());
    v.put("currency", currency);
    v.put("today", date(today, locale));
    // where the letter goes: the customer's postal address, written the country's way
    v.put("address", customer.address().map(a -> a.lines(locale)).orElse(List.of()));
    // the path the case took: were there reminders or calls before this message?
    boolean reminded = reminded(request);
    v.put("reminded", reminded);
    v.put("introKey", request.template() + ".intro" + (!reminded && "formal-notice".equals(request.template()) ? ".first" : ""));
    List<Map<String, String>> rows = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal interest = BigDecimal.ZERO;
    for (CaseInvoice invoice : open) {
      BigDecimal invoiceInterest = interest(invoice, rate);
      rows.add(Map.of("number", invoice.invoiceNumber(), "due", date(invoice.dueDate(), locale),
          "daysPastDue", Long.toString(invoice.daysPastDue()), "open", money(invoice.openAmount()),
          "interest", money(invoiceInterest)));
      total = total.add(invoice.openAmount());
      interest = interest.add(invoiceInterest);
    }
    v.put("invoices", rows);
    v.put("total", money(total));
    v.put("totalAmount", total);
    if (notice) {
      BigDecimal fee = settings.notice().fee();
      v.put("interest", rate.signum() > 0 ? money(interest) : null);
      v.put("interestRate", rate.signum() > 0 ? rate.stripTrailingZeros().toPlainString() : null);
      v.put("fee", fee.signum() > 0 ? money(fee) : null);
      v.put("grandTotal", money(total.add(interest).add(fee)));
      // the case's own deadline (its timer runs to it), not one counted from whenever the letter goes out
      String deadline = request.detail("noticeDeadline");
      if (deadline == null || deadline.isBlank()) {
        throw new IllegalArgumentException("A formal notice needs its deadline: input parameter noticeDeadline of "
            + "the sending task (case " + request.caseNumber() + ")");
      }
      v.put("deadline", date(LocalDate.parse(deadline.substring(0, 10)), locale));
    }
    if (request.detail("promisedAmount") != null) {
      v.put("promisedAmount", money(new BigDecimal(request.detail("promisedAmount"))));
      v.put("promisedDate", date(LocalDate.parse(request.detail("promisedDate").substring(0, 10)), locale));
    }
    if (request.detail("planTotal") != null) {
      v.put("plan", schedule(InstalmentPlan.fromTerms(request.details()::get), locale));
    }
    OutreachSettings.Company company = settings.company();
    v.put("company", Map.of("name", company.name(), "address", company.address(), "phone", company.phone(),
        "email", company.email(), "bankAccount", company.bankAccount()));
    return new CustomerMessage(request, customer, locale, v);
  }

  /** The subject line of an email: the same parameters as its text ({0} case ... {5} promised date). */
  public String subject(CustomerMessage message) {
    return texts.getMessage(message.request().template() + ".subject", arguments(message), message.locale());
  }

  /** The MessageFormat parameters of every text: {0} case, {1} currency, {2} open, {3} deadline, {4}/{5} promise. */
  static Object[] arguments(CustomerMessage message) {
    Map<String, Object> v = message.variables();
    return new Object[] {v.get("caseNumber"), v.get("currency"), v.get("total"), v.getOrDefault("deadline", ""),
        v.getOrDefault("promisedAmount", ""), v.getOrDefault("promisedDate", "")};
  }

  /** Whether the customer already heard from us about this case: a reminder that went out, or a call. */
  private boolean reminded(ContactRequest request) {
    return contactLog.ofCase(request.caseNumber(), 200).stream().anyMatch(CustomerMessages::isReminder);
  }

  private static boolean isReminder(ContactAttempt contact) {
    if (contact.userId() != null) {
      return !"INTERNAL".equals(contact.channel());
    }
    return "SENT".equals(contact.outcome()) && Set.of("friendly-reminder", "follow-up", "promise-confirmation",
        "pre-due-reminder").contains(contact.template());
  }

  /** The HTML body of an email. */
  public String emailBody(CustomerMessage message) {
    return render("mail", message);
  }

  /** The formal notice letter as XHTML, for the PDF. */
  public String letter(CustomerMessage message) {
    return render("formal-notice-letter", message);
  }

  /** An SMS: short, with the case number and what is open. */
  public String sms(CustomerMessage message) {
    Map<String, Object> v = message.variables();
    return texts.getMessage("sms." + message.request().template(),
        new Object[] {v.get("caseNumber"), v.get("currency"), v.get("total"), settings.company().name(),
            v.getOrDefault("promisedAmount", ""), v.getOrDefault("promisedDate", "")}, message.locale());
  }

  private String render(String template, CustomerMessage message) {
    Context context = new Context(message.locale());
    context.setVariables(message.variables());
    return templates.process(template, context);
  }

  static Locale localeOf(String language) {
    String code = language == null ? "en" : language.toLowerCase(Locale.ROOT).split("[-_]")[0];
    return LANGUAGES.contains(code) ? Locale.forLanguageTag(code) : Locale.ENGLISH;
  }

  private static List<Map<String, String>> schedule(InstalmentPlan plan, Locale locale) {
    List<Map<String, String>> payments = new ArrayList<>();
    BigDecimal before = BigDecimal.ZERO;
    for (int p = 0; p < plan.scheduledPayments(); p++) {
      BigDecimal upTo = plan.dueUpTo(p);
      payments.add(Map.of("due", date(plan.dueDate(p), locale), "amount", money(upTo.subtract(before))));
      before = upTo;
    }
    return payments;
  }

  /** Simple interest from the due date, at an annual rate in percent. */
  private static BigDecimal interest(CaseInvoice invoice, BigDecimal annualPercent) {
    if (annualPercent.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    return invoice.openAmount().multiply(annualPercent).multiply(BigDecimal.valueOf(invoice.daysPastDue()))
        .divide(BigDecimal.valueOf(36500), 2, RoundingMode.HALF_UP);
  }

  private static String date(LocalDate date, Locale locale) {
    return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
  }
}
