package io.arcollect.casework;

import io.arcollect.ledger.OverdueItems;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps a case's outstanding amount in step with what is still open of its invoices. */
@Service
public class CaseOutstanding {

  private final CollectionCaseRepository cases;
  private final OverdueItems ledger;
  private final JdbcTemplate jdbc;
  private final jakarta.persistence.EntityManager entityManager;

  CaseOutstanding(CollectionCaseRepository cases, OverdueItems ledger, JdbcTemplate jdbc,
      jakarta.persistence.EntityManager entityManager) {
    this.entityManager = entityManager;
    this.cases = cases;
    this.ledger = ledger;
    this.jdbc = jdbc;
  }

  /** The open case of a customer, if there is one. */
  @Transactional(readOnly = true)
  public Optional<String> openCaseOf(String customerAccount) {
    return jdbc.queryForList("select case_number from collection_cases where customer_account = ? and status = 'OPEN'",
        String.class, customerAccount).stream().findFirst();
  }

  /** Recomputes and stores the outstanding amount of a case; answers it. */
  @Transactional
  public BigDecimal refresh(String caseNumber) {
    CollectionCase collectionCase = cases.findByCaseNumber(caseNumber)
        .orElseThrow(() -> new IllegalArgumentException("No case " + caseNumber));
    // payments and credits in this transaction changed invoices through JPA; the sum below is plain SQL
    entityManager.flush();
    List<Long> invoiceIds = jdbc.queryForList("select invoice_id from case_invoices where case_id = ?", Long.class,
        collectionCase.getId());
    BigDecimal outstanding = ledger.openAmountOf(invoiceIds);
    collectionCase.outstanding(outstanding);
    return outstanding;
  }
}
