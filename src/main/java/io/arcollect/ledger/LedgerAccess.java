package io.arcollect.ledger;

/**
 * Who may change the ledger: finance and administrators. Who may read it: whoever sees every case (README "Who sees
 * which case"); sales their own customers, their invoices and contacts, and no company-wide lists (payments, aging).
 */
final class LedgerAccess {

  static final String FINANCE = "hasAnyAuthority('GROUP_finance', 'GROUP_camunda-admin')";

  /** The people who see every customer: the ledger's company-wide reads (payments, aging report) are theirs. */
  static final String EVERY_CUSTOMER =
      "hasAnyAuthority('GROUP_finance', 'GROUP_legal', 'GROUP_auditors', 'GROUP_process-owners', 'GROUP_camunda-admin')";

  private LedgerAccess() {}

  /** Refuses, in words, a caller who may not read this customer (sales: someone else's). */
  static void mustSee(Customer customer) {
    io.arcollect.identity.CallerScope.mustSeeCustomer(customer.getAccountNumber(), customer.getAccountOwner());
  }

  static boolean isFinance(org.springframework.security.core.Authentication caller) {
    return caller.getAuthorities().stream().map(org.springframework.security.core.GrantedAuthority::getAuthority)
        .anyMatch(authority -> authority.equals("GROUP_finance") || authority.equals("GROUP_camunda-admin"));
  }
}
