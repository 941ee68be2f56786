package io.arcollect.casework;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CollectionCaseRepository extends JpaRepository<CollectionCase, Long> {

  Optional<CollectionCase> findByCaseNumber(String caseNumber);

  @Query("select c.customerId from CollectionCase c where c.status = io.arcollect.casework.CollectionCase.Status.OPEN "
      + "and c.customerId in :customerIds")
  List<Long> findCustomersWithOpenCase(Collection<Long> customerIds);

  @Query("select c from CollectionCase c where c.status = io.arcollect.casework.CollectionCase.Status.OPEN and c.id > :afterId order by c.id")
  List<CollectionCase> findOpenAfter(long afterId, Pageable page);

  List<CollectionCase> findByStatusOrderByOpenedAtDesc(CollectionCase.Status status, Pageable page);

  List<CollectionCase> findByStatusAndCustomerIdInOrderByOpenedAtDesc(CollectionCase.Status status,
      Collection<Long> customerIds, Pageable page);

  long countByStatus(CollectionCase.Status status);
}
