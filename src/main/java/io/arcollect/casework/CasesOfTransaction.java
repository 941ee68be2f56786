package io.arcollect.casework;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A case by its number, looked up once per transaction (issue 17): a case's first steps ask for it six times in one
 * job (assess, strategy, stage, task context, ...), each a query with an automatic flush before it. The number's id
 * is kept for the transaction and the case comes from the persistence context, the same managed instance the query
 * would have returned.
 */
@Component
class CasesOfTransaction {

  private static final Object KEY = new Object();

  private final CollectionCaseRepository cases;
  private final EntityManager entityManager;

  CasesOfTransaction(CollectionCaseRepository cases, EntityManager entityManager) {
    this.cases = cases;
    this.entityManager = entityManager;
  }

  Optional<CollectionCase> byNumber(String caseNumber) {
    Map<String, Long> ids = idsOfTransaction();
    Long id = ids == null ? null : ids.get(caseNumber);
    if (id != null) {
      CollectionCase known = entityManager.find(CollectionCase.class, id);
      if (known != null) {
        return Optional.of(known);
      }
    }
    Optional<CollectionCase> found = cases.findByCaseNumber(caseNumber);
    if (ids != null) {
      found.ifPresent(c -> ids.put(caseNumber, c.getId()));
    }
    return found;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Long> idsOfTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || !TransactionSynchronizationManager.isActualTransactionActive()) {
      return null;
    }
    Map<String, Long> ids = (Map<String, Long>) TransactionSynchronizationManager.getResource(KEY);
    if (ids == null) {
      Map<String, Long> fresh = new HashMap<>();
      TransactionSynchronizationManager.bindResource(KEY, fresh);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        }
      });
      ids = fresh;
    }
    return ids;
  }
}
