package io.arcollect.ledger;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a customer's master data that do not come from the ERP's customer file: contact persons, the postal
 * address and do-not-contact, each checked first so that a refused change stores nothing.
 */
@Service
public class AccountMaintenance {

  static final int MAX_REASON = 500;

  private final CustomerRepository customers;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AccountMaintenance(CustomerRepository customers, ApplicationEventPublisher events, Clock clock) {
    this.customers = customers;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public Customer doNotContact(String accountNumber, DoNotContact wish) {
    Customer customer = customer(accountNumber);
    change(customer, checked(wish), "REST API");
    return customer;
  }

  @Transactional
  public Customer moveTo(String accountNumber, PostalAddress address) {
    Customer customer = customer(accountNumber);
    customer.movedTo(address);
    return customer;
  }

  @Transactional
  public Customer keepContact(String accountNumber, ContactPerson.Details contact) {
    Customer customer = customer(accountNumber);
    customer.keepContact(contact);
    return customer;
  }

  /** Answers whether there was such a contact person. */
  @Transactional
  public boolean dropContact(String accountNumber, String email) {
    return customer(accountNumber).dropContact(email);
  }

  /** The wish if it is complete: a reason to set it, no date after today. */
  DoNotContact checked(DoNotContact wish) {
    String reason = wish.reason() == null || wish.reason().isBlank() ? null : wish.reason().trim();
    if (wish.requested() && reason == null) {
      throw new IllegalArgumentException("do-not-contact needs a reason: why the customer is not to be contacted");
    }
    if (reason != null && reason.length() > MAX_REASON) {
      throw new IllegalArgumentException("the reason is longer than " + MAX_REASON + " characters");
    }
    if (wish.since() != null && wish.since().isAfter(LocalDate.now(clock))) {
      throw new IllegalArgumentException("the date " + wish.since() + " is after today");
    }
    if (!wish.requested() && wish.since() != null) {
      throw new IllegalArgumentException("a date goes with setting do-not-contact, not with lifting it");
    }
    return new DoNotContact(wish.requested(), reason, wish.since());
  }

  /** Applies a checked wish; a change is published for the contact log. Answers whether anything changed. */
  boolean change(Customer customer, DoNotContact wish, String source) {
    // the reason for lifting it is kept in the contact log, not on the customer
    if (!customer.change(wish, LocalDate.now(clock))) {
      return false;
    }
    DoNotContact now = customer.isDoNotContact()
        ? new DoNotContact(true, customer.getDoNotContactReason(), customer.getDoNotContactSince())
        : new DoNotContact(false, wish.reason(), null);
    events.publishEvent(new DoNotContactChanged(customer.getId(), customer.getAccountNumber(), now, caller(), source,
        clock.instant()));
    return true;
  }

  private static String caller() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null ? null : authentication.getName();
  }

  private Customer customer(String accountNumber) {
    return customers.findByAccountNumber(accountNumber)
        .orElseThrow(() -> new UnknownCustomerException(accountNumber));
  }
}
