package io.arcollect.identity;

import io.arcollect.system.UserError;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * How far the logged-in caller sees (README "Who sees which case"): finance, legal, auditors, process owners and
 * administrators see every customer and case; anyone else (sales) is narrowed to their own customers, and for cases
 * also to their queue's (casework.CaseVisibility). Code running without a login (the engine, start-up) is not narrowed.
 */
public final class CallerScope {

  private static final Set<String> SEE_EVERYTHING = Set.of(StaffGroup.FINANCE.id(), StaffGroup.LEGAL.id(),
      StaffGroup.AUDITORS.id(), StaffGroup.PROCESS_OWNERS.id(), Groups.CAMUNDA_ADMIN);

  /** A caller who does not see everything: their user id and groups. */
  public record Narrowed(String user, List<String> groups) {}

  private CallerScope() {}

  /** Empty when the caller sees every customer and case, else who they are. */
  public static Optional<Narrowed> narrowed() {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller == null) {
      return Optional.empty();
    }
    List<String> groups = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith(CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX))
        .map(authority -> authority.substring(CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX.length()))
        .toList();
    return groups.stream().anyMatch(SEE_EVERYTHING::contains) ? Optional.empty()
        : Optional.of(new Narrowed(caller.getName(), groups));
  }

  /** Refuses, in words, a caller who may not see this customer (sales: someone else's). */
  public static void mustSeeCustomer(String accountNumber, String accountOwner) {
    if (!seesCustomerOwnedBy(accountOwner)) {
      throw UserError.forbidden("Customer " + accountNumber + " is not one of your accounts: sales see the "
          + "customers they own.");
    }
  }

  /** Whether the caller sees the customer whose account this user owns (null: nobody's). */
  public static boolean seesCustomerOwnedBy(String accountOwner) {
    return narrowed().map(caller -> caller.user().equals(accountOwner)).orElse(true);
  }
}
