package io.arcollect.ledger;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface InvoiceRepository extends JpaRepository<Invoice, Long> {

  Optional<Invoice> findByInvoiceNumber(String invoiceNumber);

  List<Invoice> findByInvoiceNumberIn(Collection<String> invoiceNumbers);

  /**
   * Open invoices about to receive money, locked until the transaction ends so that two statements
   * paying the same invoice at once never allocate more than is open. Locked in id order: no deadlocks.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select i from Invoice i where i.id in :ids and i.status = io.arcollect.ledger.InvoiceStatus.OPEN order by i.id")
  List<Invoice> lockOpen(Collection<Long> ids);

  @Query("select i.id from Invoice i where i.invoiceNumber in :numbers and i.status = io.arcollect.ledger.InvoiceStatus.OPEN")
  List<Long> findOpenIdsByNumbers(Collection<String> numbers);

  @Query("select i.id from Invoice i where i.customer = :customer and i.status = io.arcollect.ledger.InvoiceStatus.OPEN "
      + "and i.currency = :currency")
  List<Long> findOpenIdsOfCustomer(Customer customer, String currency);

  @Query("select i from Invoice i join fetch i.customer where i.customer.accountNumber = :account order by i.dueDate, i.invoiceNumber")
  List<Invoice> findByCustomerAccount(String account);
}
