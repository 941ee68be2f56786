package io.arcollect.ledger;

import io.arcollect.identity.CallerScope;
import io.arcollect.ledger.LedgerViews.CustomerView;
import io.arcollect.ledger.LedgerViews.InvoiceView;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/customers")
class CustomerController {

  record DoNotContactRequest(Boolean doNotContact, String reason, LocalDate since) {}

  record ContactRequest(String name, String role, String phone, String preferredChannel) {}

  private final CustomerImport customerImport;
  private final ContactPersonImport contactImport;
  private final AccountMaintenance maintenance;
  private final CustomerRepository customers;
  private final InvoiceRepository invoices;
  private final ImportLimits limits;

  CustomerController(CustomerImport customerImport, ContactPersonImport contactImport, AccountMaintenance maintenance,
      CustomerRepository customers, InvoiceRepository invoices, ImportLimits limits) {
    this.customerImport = customerImport;
    this.contactImport = contactImport;
    this.maintenance = maintenance;
    this.customers = customers;
    this.invoices = invoices;
    this.limits = limits;
  }

  /**
   * CSV with the header account_number,name,tier,industry,credit_limit,currency,language,time_zone,email,phone,account_owner
   * and optionally address_line1,address_line2,postcode,city,region,country,do_not_contact,do_not_contact_reason,do_not_contact_since.
   */
  @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
  @PreAuthorize(LedgerAccess.FINANCE)
  ImportReport importCsv(HttpServletRequest request) throws IOException {
    return customerImport.importCsv(limits.limit(request.getInputStream(), request.getContentLengthLong()));
  }

  /** CSV with the header customer_account,name,role,email,phone,preferred_channel and optionally active. */
  @PostMapping(path = "/contacts/import", consumes = {"text/csv", "text/plain"})
  @PreAuthorize(LedgerAccess.FINANCE)
  ContactPersonImport.Report importContacts(HttpServletRequest request) throws IOException {
    return contactImport.importCsv(limits.limit(request.getInputStream(), request.getContentLengthLong()));
  }

  /** Sets or lifts do-not-contact, with the reason (and, when set, since when: default today). */
  @PutMapping("/{accountNumber}/do-not-contact")
  @Transactional
  CustomerView doNotContact(@PathVariable String accountNumber, @RequestBody DoNotContactRequest change,
      Authentication caller) {
    mayMaintain(accountNumber, caller);
    if (change.doNotContact() == null) {
      throw refused("doNotContact must be true (set it) or false (lift it)");
    }
    return refusedOnBadInput(() -> CustomerView.of(maintenance.doNotContact(accountNumber,
        new DoNotContact(change.doNotContact(), change.reason(), change.since()))));
  }

  @PutMapping("/{accountNumber}/postal-address")
  @Transactional
  CustomerView postalAddress(@PathVariable String accountNumber, @RequestBody PostalAddress address,
      Authentication caller) {
    mayMaintain(accountNumber, caller);
    return refusedOnBadInput(() -> {
      PostalAddress checked = PostalAddress.of(address.line1(), address.line2(), address.postcode(), address.city(),
          address.region(), address.country());
      if (checked == null) {
        throw new IllegalArgumentException("an address needs at least its first line, city and country");
      }
      return CustomerView.of(maintenance.moveTo(accountNumber, checked));
    });
  }

  @GetMapping("/{accountNumber}/contacts")
  @Transactional(readOnly = true)
  List<ContactPerson.Details> contacts(@PathVariable String accountNumber) {
    return visible(accountNumber).getContacts();
  }

  /** Adds the contact person with this e-mail address, or changes them. */
  @PutMapping("/{accountNumber}/contacts/{email}")
  @Transactional
  CustomerView contact(@PathVariable String accountNumber, @PathVariable String email,
      @RequestBody ContactRequest contact, Authentication caller) {
    mayMaintain(accountNumber, caller);
    return refusedOnBadInput(() -> CustomerView.of(maintenance.keepContact(accountNumber,
        ContactPerson.Details.checked(email, contact.name(), contact.role(), contact.phone(),
            channel(contact.preferredChannel())))));
  }

  @DeleteMapping("/{accountNumber}/contacts/{email}")
  @Transactional
  CustomerView removeContact(@PathVariable String accountNumber, @PathVariable String email, Authentication caller) {
    mayMaintain(accountNumber, caller);
    if (!maintenance.dropContact(accountNumber, email)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND,
          "Customer " + accountNumber + " has no contact person " + email);
    }
    return get(accountNumber);
  }

  @GetMapping
  @Transactional(readOnly = true)
  List<CustomerView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
    org.springframework.data.domain.PageRequest pageRequest = io.arcollect.system.Paging.of(page, size, 1000, Sort.by("accountNumber"));
    // sales: their own customers (README "Who sees which case")
    return CallerScope.narrowed().map(caller -> customers.findByAccountOwner(caller.user(), pageRequest))
        .orElseGet(() -> customers.findAll(pageRequest)).map(CustomerView::of).getContent();
  }

  @GetMapping("/{accountNumber}")
  @Transactional(readOnly = true)
  CustomerView get(@PathVariable String accountNumber) {
    return CustomerView.of(visible(accountNumber));
  }

  @GetMapping("/{accountNumber}/invoices")
  @Transactional(readOnly = true)
  List<InvoiceView> invoices(@PathVariable String accountNumber) {
    visible(accountNumber);
    return invoices.findByCustomerAccount(accountNumber).stream().map(InvoiceView::of).toList();
  }

  /** The customer, if the caller may read it: sales their own customers only (403 in words otherwise). */
  private Customer visible(String accountNumber) {
    Customer customer = customers.findByAccountNumber(accountNumber).orElseThrow(() -> notFound(accountNumber));
    LedgerAccess.mustSee(customer);
    return customer;
  }

  private static ResponseStatusException notFound(String accountNumber) {
    return new UnknownCustomerException(accountNumber);
  }

  /** Finance and administrators maintain every customer, a sales person the customers whose account they own. */
  private void mayMaintain(String accountNumber, Authentication caller) {
    Customer customer = customers.findByAccountNumber(accountNumber).orElseThrow(() -> notFound(accountNumber));
    if (!LedgerAccess.isFinance(caller) && !caller.getName().equals(customer.getAccountOwner())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Only finance or the customer's account owner may change customer " + accountNumber);
    }
  }

  private static ContactChannel channel(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return ContactChannel.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("preferredChannel '" + name + "' is not one of "
          + java.util.Arrays.toString(ContactChannel.values()));
    }
  }

  private static <T> T refusedOnBadInput(Supplier<T> change) {
    try {
      return change.get();
    } catch (IllegalArgumentException e) {
      throw refused(e.getMessage());
    }
  }

  private static ResponseStatusException refused(String reason) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
  }
}
