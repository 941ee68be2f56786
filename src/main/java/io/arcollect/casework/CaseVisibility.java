package io.arcollect.casework;

import io.arcollect.identity.CamundaIdentityAuthenticationProvider;
import io.arcollect.identity.StaffGroup;
import io.arcollect.ledger.CustomerDirectory;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which cases the logged-in person may see through the API: finance, legal, auditors, process owners and
 * administrators see every case; anyone else (sales) only the cases of the customers whose account they own.
 */
@Component
public class CaseVisibility {

  private static final Set<String> SEE_EVERY_CASE = Set.of(StaffGroup.FINANCE.id(), StaffGroup.LEGAL.id(),
      StaffGroup.AUDITORS.id(), StaffGroup.PROCESS_OWNERS.id(), Groups.CAMUNDA_ADMIN);

  private final CollectionCaseRepository cases;
  private final CustomerDirectory customers;

  CaseVisibility(CollectionCaseRepository cases, CustomerDirectory customers) {
    this.cases = cases;
    this.customers = customers;
  }

  /** Empty when the caller sees every case, else the account owner whose customers' cases they see. */
  Optional<String> ownCustomersOnly() {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller == null) {
      return Optional.empty();
    }
    boolean seesAll = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(authority -> authority.startsWith(CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX)
            && SEE_EVERY_CASE.contains(authority.substring(CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX.length())));
    return seesAll ? Optional.empty() : Optional.of(caller.getName());
  }

  /** The customers whose cases the caller sees; empty when they see every case. */
  Optional<List<Long>> visibleCustomers() {
    return ownCustomersOnly().map(customers::idsOwnedBy);
  }

  /** Whether the caller sees the customer (and its cases) whose account this user owns: sales only their own. */
  public boolean seesCustomerOwnedBy(String accountOwner) {
    return ownCustomersOnly().map(caller -> caller.equals(accountOwner)).orElse(true);
  }

  /** The user whose customers the caller sees, empty when they see every customer. */
  public Optional<String> ownCustomersOf() {
    return ownCustomersOnly();
  }

  /** The case if it exists and the caller may see it. */
  public Optional<CollectionCase> find(String caseNumber) {
    Optional<List<Long>> visible = visibleCustomers();
    return cases.findByCaseNumber(caseNumber)
        .filter(c -> visible.isEmpty() || visible.get().contains(c.getCustomerId()));
  }

  /**
   * The cases the caller may see that were open at some time in [from, to] (closed ones included) and whose case
   * number, customer account or customer name contains {@code text} (any, when blank); newest first.
   */
  @org.springframework.transaction.annotation.Transactional(readOnly = true)
  public List<CollectionCase> search(String text, java.time.Instant from, java.time.Instant to, int limit) {
    String wanted = text == null ? "" : text.trim();
    List<Long> matchingCustomers = wanted.isEmpty() ? List.of() : customers.idsMatching(wanted);
    Optional<List<Long>> visible = visibleCustomers();
    if (visible.isPresent() && visible.get().isEmpty()) {
      return List.of();
    }
    String pattern = "%" + wanted.toUpperCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
        .replace("_", "\\_") + "%";
    // an empty IN list is not valid everywhere: -1 is no customer's id
    return cases.search(pattern, matchingCustomers.isEmpty() ? List.of(-1L) : matchingCustomers, from, to,
        visible.isEmpty(), visible.orElse(List.of(-1L)),
        org.springframework.data.domain.PageRequest.of(0, Math.max(1, Math.min(limit, 500))));
  }
}
