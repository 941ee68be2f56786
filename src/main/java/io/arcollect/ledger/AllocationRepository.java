package io.arcollect.ledger;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AllocationRepository extends JpaRepository<Allocation, Long> {

  @Query("select a from Allocation a join fetch a.invoice where a.payment = :payment order by a.id")
  List<Allocation> findByPayment(Payment payment);
}
