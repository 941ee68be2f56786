package io.arcollect.ledger;

import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who a customer is, for the other capabilities (the case, outreach): read-only. */
@Service
public class CustomerDirectory {

  /** A customer as collection sees it. */
  public record CustomerProfile(long id, String accountNumber, String name, CustomerTier tier, String industry,
      String currency, BigDecimal creditLimit, String language, String timeZone, String email, String phone,
      String accountOwner, boolean doNotContact, boolean creditHold, String doNotContactReason,
      java.time.LocalDate doNotContactSince, PostalAddress postalAddress, java.util.List<ContactPerson.Details> contacts) {

    /** Where letters go, if the ERP gave an address. */
    public Optional<PostalAddress> address() {
      return Optional.ofNullable(postalAddress);
    }
  }

  private final CustomerRepository customers;

  CustomerDirectory(CustomerRepository customers) {
    this.customers = customers;
  }

  @Transactional(readOnly = true)
  public Optional<CustomerProfile> find(String accountNumber) {
    return customers.findByAccountNumber(accountNumber).map(c -> new CustomerProfile(c.getId(), c.getAccountNumber(),
        c.getName(), c.getTier(), c.getIndustry(), c.getCurrency(), c.getCreditLimit(), c.getLanguage(),
        c.getTimeZone(), c.getEmail(), c.getPhone(), c.getAccountOwner(), c.isDoNotContact(), c.isCreditHold(),
        c.getDoNotContactReason(), c.getDoNotContactSince(), c.getPostalAddress().orElse(null), c.getContacts()));
  }

  /** The ids of the customers whose account owner (a sales person's user id) this is. */
  @Transactional(readOnly = true)
  public java.util.List<Long> idsOwnedBy(String accountOwner) {
    return customers.findIdsByAccountOwner(accountOwner);
  }

  /** The ids of the customers whose account number or name contains this text, ignoring case. */
  @Transactional(readOnly = true)
  public java.util.List<Long> idsMatching(String text) {
    return customers.findIdsByAccountOrNameLike("%" + text.toUpperCase(java.util.Locale.ROOT)
        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
  }
}
