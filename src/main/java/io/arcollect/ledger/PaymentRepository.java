package io.arcollect.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PaymentRepository extends JpaRepository<Payment, Long> {

  Optional<Payment> findByBankReference(String bankReference);

  @Query("select p.bankReference from Payment p where p.bankReference in :references")
  List<String> findExistingReferences(Collection<String> references);

  @Query("select p from Payment p left join fetch p.customer where p.status = :status order by p.valueDate, p.id")
  List<Payment> findByStatus(PaymentStatus status, Pageable page);

  @Query("select p from Payment p left join fetch p.customer order by p.valueDate desc, p.id desc")
  List<Payment> findLatest(Pageable page);
}
