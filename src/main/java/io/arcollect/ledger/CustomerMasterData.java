package io.arcollect.ledger;

import java.math.BigDecimal;

/**
 * A customer as the ERP describes it (one row of the customer import). {@code postalAddress} and
 * {@code doNotContact} are null when the row says nothing about them: what is stored stays.
 */
public record CustomerMasterData(String accountNumber, String name, CustomerTier tier, String industry,
    BigDecimal creditLimit, String currency, String language, String timeZone, String email, String phone,
    String accountOwner, PostalAddress postalAddress, DoNotContact doNotContact) {}
