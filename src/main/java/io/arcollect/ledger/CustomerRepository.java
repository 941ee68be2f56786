package io.arcollect.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomerRepository extends JpaRepository<Customer, Long> {

  /**
   * JPQL rather than a method-name query: Hibernate keeps a JPQL statement's SQL translation, but translates the
   * criteria query Spring Data derives from a method name again at every call (issue 17: half of this lookup's time
   * in the sweep and a case's first step).
   */
  @Query("select c from Customer c where c.accountNumber = :accountNumber")
  Optional<Customer> findByAccountNumber(String accountNumber);

  org.springframework.data.domain.Page<Customer> findByAccountOwner(String accountOwner,
      org.springframework.data.domain.Pageable page);

  List<Customer> findByAccountNumberIn(Collection<String> accountNumbers);

  List<Customer> findByNameIgnoreCase(String name);

  /** Customers who paid from this IBAN before: the bank account identifies the payer next time. */
  @Query("select distinct p.customer from Payment p where p.payerIban = :iban and p.customer is not null")
  List<Customer> findKnownPayersOfIban(String iban);

  @Query("select c.id from Customer c where upper(c.accountNumber) like :pattern or upper(c.name) like :pattern")
  List<Long> findIdsByAccountOrNameLike(String pattern);

  @Query("select c.id from Customer c where c.accountOwner = :owner")
  List<Long> findIdsByAccountOwner(String owner);
}
