package io.arcollect.casework;

import io.arcollect.identity.CallerScope;
import io.arcollect.identity.CallerScope.Narrowed;
import io.arcollect.ledger.CustomerDirectory;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who sees which case, the one rule (README "Who sees which case"): finance, legal, auditors, process owners and
 * administrators see every case; anyone else (sales) sees the cases of the customers whose account they own, and the
 * cases with a task that is or was in their queue (a candidate group they belong to) or that was assigned to them.
 * The second half is what Camunda itself lets them read on /engine-rest: the engine grants READ on each task (and on
 * its history) to its candidate group and assignee, and nothing on the case's instance, so a case outside the rule
 * shows nowhere. Here it is read from the engine's task history, so closed cases and cases from before count too.
 */
@Component
public class CaseVisibility {

  /** The cases of own customers, and of tasks that were in the caller's queue or assigned to them (Camunda history). */
  private static final String VISIBLE_CASES = """
      select k.id from collection_cases k
       where (k.customer_id in (select c.id from customers c where c.account_owner = :user)
          or k.process_instance_id in (select t.PROC_INST_ID_ from ACT_HI_TASKINST t where t.ASSIGNEE_ = :user)
          or k.process_instance_id in (select t.PROC_INST_ID_ from ACT_HI_IDENTITYLINK l
                join ACT_HI_TASKINST t on t.ID_ = l.TASK_ID_
               where l.USER_ID_ = :user or (l.TYPE_ = 'candidate' and l.GROUP_ID_ in (:groups))))
      """;

  private final CollectionCaseRepository cases;
  private final CustomerDirectory customers;
  private final NamedParameterJdbcTemplate jdbc;

  CaseVisibility(CollectionCaseRepository cases, CustomerDirectory customers, NamedParameterJdbcTemplate jdbc) {
    this.cases = cases;
    this.customers = customers;
    this.jdbc = jdbc;
  }

  /** Empty when the caller sees every case, else the account owner whose customers' cases they see. */
  Optional<String> ownCustomersOnly() {
    return CallerScope.narrowed().map(Narrowed::user);
  }

  /** The ids of the cases the caller sees; empty when they see every case. */
  Optional<List<Long>> visibleCases() {
    return CallerScope.narrowed().map(caller -> visibleCases(caller, null));
  }

  /** Whether the caller sees this case. */
  boolean sees(CollectionCase collectionCase) {
    return CallerScope.narrowed().map(caller -> !visibleCases(caller, collectionCase.getId()).isEmpty()).orElse(true);
  }

  private List<Long> visibleCases(Narrowed caller, Long onlyCase) {
    MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("user", caller.user())
        // an empty IN list is not valid everywhere: "" is no group's id
        .addValue("groups", caller.groups().isEmpty() ? List.of("") : caller.groups());
    if (onlyCase == null) {
      return jdbc.queryForList(VISIBLE_CASES, parameters, Long.class);
    }
    return jdbc.queryForList(VISIBLE_CASES + " and k.id = :case", parameters.addValue("case", onlyCase), Long.class);
  }

  /** Whether the caller sees the customer (and its cases) whose account this user owns: sales only their own. */
  public boolean seesCustomerOwnedBy(String accountOwner) {
    return CallerScope.seesCustomerOwnedBy(accountOwner);
  }

  /** The user whose customers the caller sees, empty when they see every customer. */
  public Optional<String> ownCustomersOf() {
    return ownCustomersOnly();
  }

  /** The case if it exists and the caller may see it. */
  public Optional<CollectionCase> find(String caseNumber) {
    return cases.findByCaseNumber(caseNumber).filter(this::sees);
  }

  /**
   * The cases the caller may see that were open at some time in [from, to] (closed ones included) and whose case
   * number, customer account or customer name contains {@code text} (any, when blank); newest first.
   */
  @org.springframework.transaction.annotation.Transactional(readOnly = true)
  public List<CollectionCase> search(String text, java.time.Instant from, java.time.Instant to, int limit) {
    String wanted = text == null ? "" : text.trim();
    List<Long> matchingCustomers = wanted.isEmpty() ? List.of() : customers.idsMatching(wanted);
    Optional<List<Long>> visible = visibleCases();
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
