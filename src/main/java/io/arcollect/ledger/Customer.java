package io.arcollect.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

@Entity
@Table(name = "customers")
public class Customer {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_number", nullable = false, unique = true)
  private String accountNumber;

  private String name;

  @Enumerated(EnumType.STRING)
  private CustomerTier tier;

  private String industry;

  @Column(name = "credit_limit")
  private BigDecimal creditLimit;

  private String currency;
  private String language;

  @Column(name = "time_zone")
  private String timeZone;

  private String email;
  private String phone;

  @Column(name = "address_line1")
  private String addressLine1;

  @Column(name = "address_line2")
  private String addressLine2;

  private String postcode;
  private String city;
  private String region;
  private String country;

  @Column(name = "account_owner")
  private String accountOwner;

  @Column(name = "do_not_contact")
  private boolean doNotContact;

  @Column(name = "do_not_contact_reason")
  private String doNotContactReason;

  @Column(name = "do_not_contact_since")
  private LocalDate doNotContactSince;

  @OneToMany(mappedBy = "customer", cascade = jakarta.persistence.CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<ContactPerson> contacts = new ArrayList<>();

  @Column(name = "credit_hold")
  private boolean creditHold;

  @Column(name = "credit_balance")
  private BigDecimal creditBalance = BigDecimal.ZERO;

  @Version
  private long version;

  protected Customer() {}

  public Customer(String accountNumber) {
    this.accountNumber = accountNumber;
  }

  /** Takes the master data the ERP sends; answers whether anything changed. */
  public boolean takeMasterData(CustomerMasterData data) {
    boolean changed = !Objects.equals(name, data.name()) || tier != data.tier()
        || !Objects.equals(industry, data.industry()) || !sameAmount(creditLimit, data.creditLimit())
        || !Objects.equals(currency, data.currency()) || !Objects.equals(language, data.language())
        || !Objects.equals(timeZone, data.timeZone()) || !Objects.equals(email, data.email())
        || !Objects.equals(phone, data.phone()) || !Objects.equals(accountOwner, data.accountOwner());
    // an import without address columns (or with them blank) leaves the address as it is
    if (data.postalAddress() != null) {
      changed |= movedTo(data.postalAddress());
    }
    if (changed) {
      name = data.name();
      tier = data.tier();
      industry = data.industry();
      creditLimit = data.creditLimit();
      currency = data.currency();
      language = data.language();
      timeZone = data.timeZone();
      email = data.email();
      phone = data.phone();
      accountOwner = data.accountOwner();
    }
    return changed;
  }

  static boolean sameAmount(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  public void addCredit(BigDecimal amount) {
    creditBalance = creditBalance.add(amount);
  }

  public void placeCreditHold() {
    creditHold = true;
  }

  public void releaseCreditHold() {
    creditHold = false;
  }

  /** Answers whether the address changed. */
  boolean movedTo(PostalAddress address) {
    if (Objects.equals(getPostalAddress().orElse(null), address)) {
      return false;
    }
    addressLine1 = address.line1();
    addressLine2 = address.line2();
    postcode = address.postcode();
    city = address.city();
    region = address.region();
    country = address.country();
    return true;
  }

  /**
   * Sets or lifts do-not-contact; setting it again with another reason or date updates them, and setting it
   * again without a date keeps the date it was first set, a new one without a date starts today. Answers whether
   * anything changed.
   */
  boolean change(DoNotContact wish, LocalDate today) {
    if (!wish.requested()) {
      boolean changed = doNotContact;
      doNotContact = false;
      doNotContactReason = null;
      doNotContactSince = null;
      return changed;
    }
    LocalDate since = wish.since() != null ? wish.since() : doNotContact ? doNotContactSince : today;
    boolean changed = !doNotContact || !Objects.equals(doNotContactReason, wish.reason())
        || !Objects.equals(doNotContactSince, since);
    doNotContact = true;
    doNotContactReason = wish.reason();
    doNotContactSince = since;
    return changed;
  }

  /** Adds or updates the contact person with this e-mail address; answers whether anything changed. */
  boolean keepContact(ContactPerson.Details details) {
    String key = details.email().toLowerCase(Locale.ROOT);
    Optional<ContactPerson> known = contact(key);
    ContactPerson contact = known.orElseGet(() -> new ContactPerson(this, key));
    boolean changed = contact.take(new ContactPerson.Details(key, details.name(), details.role(), details.phone(),
        details.preferredChannel()));
    if (known.isEmpty()) {
      contacts.add(contact);
      return true;
    }
    return changed;
  }

  /** Answers whether there was such a contact person. */
  boolean dropContact(String email) {
    return contacts.removeIf(contact -> contact.getEmail().equalsIgnoreCase(email));
  }

  Optional<ContactPerson> contact(String email) {
    return contacts.stream().filter(contact -> contact.getEmail().equalsIgnoreCase(email)).findFirst();
  }

  public Long getId() {
    return id;
  }

  public String getAccountNumber() {
    return accountNumber;
  }

  public String getName() {
    return name;
  }

  public CustomerTier getTier() {
    return tier;
  }

  public String getIndustry() {
    return industry;
  }

  public BigDecimal getCreditLimit() {
    return creditLimit;
  }

  public String getCurrency() {
    return currency;
  }

  public String getLanguage() {
    return language;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public String getEmail() {
    return email;
  }

  public String getPhone() {
    return phone;
  }

  public Optional<PostalAddress> getPostalAddress() {
    return addressLine1 == null ? Optional.empty()
        : Optional.of(new PostalAddress(addressLine1, addressLine2, postcode, city, region, country));
  }

  public List<ContactPerson.Details> getContacts() {
    return contacts.stream().map(ContactPerson::details).toList();
  }

  public String getAccountOwner() {
    return accountOwner;
  }

  public boolean isDoNotContact() {
    return doNotContact;
  }

  public String getDoNotContactReason() {
    return doNotContactReason;
  }

  public LocalDate getDoNotContactSince() {
    return doNotContactSince;
  }

  public boolean isCreditHold() {
    return creditHold;
  }

  public BigDecimal getCreditBalance() {
    return creditBalance;
  }
}
