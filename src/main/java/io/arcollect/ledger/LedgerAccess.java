package io.arcollect.ledger;

/** Who may change the ledger: finance and administrators. Every logged-in user may read it. */
final class LedgerAccess {

  static final String FINANCE = "hasAnyAuthority('GROUP_finance', 'GROUP_camunda-admin')";

  private LedgerAccess() {}

  static boolean isFinance(org.springframework.security.core.Authentication caller) {
    return caller.getAuthorities().stream().map(org.springframework.security.core.GrantedAuthority::getAuthority)
        .anyMatch(authority -> authority.equals("GROUP_finance") || authority.equals("GROUP_camunda-admin"));
  }
}
