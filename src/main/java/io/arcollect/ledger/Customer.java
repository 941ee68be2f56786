package io.arcollect.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.Objects;

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

  @Column(name = "postal_address")
  private String postalAddress;

  @Column(name = "account_owner")
  private String accountOwner;

  @Column(name = "do_not_contact")
  private boolean doNotContact;

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

  public void setDoNotContact(boolean doNotContact) {
    this.doNotContact = doNotContact;
  }

  public void setPostalAddress(String postalAddress) {
    this.postalAddress = postalAddress;
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

  public String getPostalAddress() {
    return postalAddress;
  }

  public String getAccountOwner() {
    return accountOwner;
  }

  public boolean isDoNotContact() {
    return doNotContact;
  }

  public boolean isCreditHold() {
    return creditHold;
  }

  public BigDecimal getCreditBalance() {
    return creditBalance;
  }
}
