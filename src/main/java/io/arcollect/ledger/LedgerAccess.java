package io.arcollect.ledger;

/** Who may change the ledger: finance and administrators. Every logged-in user may read it. */
final class LedgerAccess {

  static final String FINANCE = "hasAnyAuthority('GROUP_finance', 'GROUP_camunda-admin')";

  private LedgerAccess() {}
}
