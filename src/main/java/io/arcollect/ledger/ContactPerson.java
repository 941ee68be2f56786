package io.arcollect.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Someone at the customer a collector talks to, known by their e-mail address within the customer. */
@Entity
@Table(name = "customer_contacts")
public class ContactPerson {

  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("[+(]?[0-9][0-9 ()./-]*");

  /** A contact person as the ERP or a collector describes them; email is the key within the customer. */
  public record Details(String email, String name, String role, String phone, ContactChannel preferredChannel) {

    /**
     * Checked details: blank parts count as absent, the preferred channel defaults to e-mail.
     *
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    public static Details checked(String email, String name, String role, String phone,
        ContactChannel preferredChannel) {
      String address = trimmed(email);
      if (address == null) {
        throw new IllegalArgumentException("a contact person needs an email (the key of the contact)");
      }
      if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
        throw new IllegalArgumentException("email '" + address + "' is not an e-mail address");
      }
      String fullName = trimmed(name);
      if (fullName == null) {
        throw new IllegalArgumentException("a contact person needs a name");
      }
      String number = trimmed(phone);
      if (number != null && (number.length() > 64 || !PHONE.matcher(number).matches()
          || number.chars().filter(Character::isDigit).count() < 3)) {
        throw new IllegalArgumentException("phone '" + number + "' is not a telephone number such as +49 30 1234567");
      }
      ContactChannel channel = preferredChannel == null ? ContactChannel.EMAIL : preferredChannel;
      if (number == null && (channel == ContactChannel.PHONE || channel == ContactChannel.SMS)) {
        throw new IllegalArgumentException("preferred channel " + channel + " needs a phone number");
      }
      return new Details(address.toLowerCase(Locale.ROOT), limited("name", fullName, 200),
          limited("role", trimmed(role), 100), number, channel);
    }

    private static String trimmed(String value) {
      return value == null || value.isBlank() ? null : value.trim();
    }

    private static String limited(String part, String value, int maxLength) {
      if (value != null && value.length() > maxLength) {
        throw new IllegalArgumentException(part + " is longer than " + maxLength + " characters");
      }
      return value;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  private String email;
  private String name;
  private String role;
  private String phone;

  @Enumerated(EnumType.STRING)
  @Column(name = "preferred_channel")
  private ContactChannel preferredChannel;

  @Version
  private long version;

  protected ContactPerson() {}

  ContactPerson(Customer customer, String email) {
    this.customer = customer;
    this.email = email;
  }

  /** Answers whether anything changed. */
  boolean take(Details details) {
    boolean changed = !Objects.equals(name, details.name()) || !Objects.equals(role, details.role())
        || !Objects.equals(phone, details.phone()) || preferredChannel != details.preferredChannel();
    name = details.name();
    role = details.role();
    phone = details.phone();
    preferredChannel = details.preferredChannel();
    return changed;
  }

  public Details details() {
    return new Details(email, name, role, phone, preferredChannel);
  }

  public String getEmail() {
    return email;
  }
}
