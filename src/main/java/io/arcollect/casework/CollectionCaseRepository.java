package io.arcollect.casework;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CollectionCaseRepository extends JpaRepository<CollectionCase, Long> {

  /** JPQL, so Hibernate translates it once (see CustomerRepository.findByAccountNumber). */
  @Query("select c from CollectionCase c where c.caseNumber = :caseNumber")
  Optional<CollectionCase> findByCaseNumber(String caseNumber);

  @Query("select c.customerId from CollectionCase c where c.status = io.arcollect.casework.CollectionCase.Status.OPEN "
      + "and c.customerId in :customerIds")
  List<Long> findCustomersWithOpenCase(Collection<Long> customerIds);

  @Query("select c from CollectionCase c where c.status = io.arcollect.casework.CollectionCase.Status.OPEN and c.id > :afterId order by c.id")
  List<CollectionCase> findOpenAfter(long afterId, Pageable page);

  List<CollectionCase> findByStatusOrderByOpenedAtDesc(CollectionCase.Status status, Pageable page);

  List<CollectionCase> findByStatusAndIdInOrderByOpenedAtDesc(CollectionCase.Status status, Collection<Long> ids,
      Pageable page);

  /** Cases that were open at some time in [from, to], found by case number or customer, newest first. */
  @Query("select c from CollectionCase c where (upper(c.caseNumber) like :pattern or c.customerId in :customerIds) "
      + "and c.openedAt <= :to and (c.closedAt is null or c.closedAt >= :from) "
      + "and (:everyCase = true or c.id in :visibleCases) order by c.openedAt desc")
  List<CollectionCase> search(String pattern, Collection<Long> customerIds, java.time.Instant from, java.time.Instant to,
      boolean everyCase, Collection<Long> visibleCases, Pageable page);

  long countByStatus(CollectionCase.Status status);
}
