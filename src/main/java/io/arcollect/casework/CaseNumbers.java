package io.arcollect.casework;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.stereotype.Component;

/**
 * The running number of case numbers (CASE-2026-000042), from a database sequence so that several nodes
 * never hand out the same one. The SQL to read a sequence differs by database; Hibernate's dialect knows it.
 */
@Component
class CaseNumbers {

  private final EntityManager entityManager;
  private final String nextValueSql;

  CaseNumbers(EntityManager entityManager) {
    this.entityManager = entityManager;
    this.nextValueSql = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
        .getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString("case_number_seq");
  }

  long next() {
    // a sequence needs none of the transaction's pending changes: without COMMIT Hibernate would flush (and dirty-check
    // every entity of the transaction) before this native query, once per case the sweep opens
    return ((Number) entityManager.createNativeQuery(nextValueSql).setFlushMode(FlushModeType.COMMIT).getSingleResult())
        .longValue();
  }
}
