package io.arcollect.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which accounts have overdue open invoices, read page by page for the daily sweep. */
@Service
public class OverdueItems {

  /** An overdue open invoice of a customer. */
  public record OverdueInvoice(long invoiceId, String invoiceNumber, long customerId, LocalDate dueDate,
      BigDecimal openAmount, String currency) {}

  /** An account with overdue invoices: what a new case starts from. */
  public record OverdueAccount(long customerId, String accountNumber, String currency, BigDecimal overdueAmount,
      LocalDate oldestDueDate) {}

  private final NamedParameterJdbcTemplate jdbc;

  OverdueItems(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Accounts with invoices due before {@code dueBefore}, in customer id order after {@code afterCustomerId}. */
  @Transactional(readOnly = true)
  public List<OverdueAccount> accounts(LocalDate dueBefore, long afterCustomerId, int limit) {
    return jdbc.query("""
        select i.customer_id, c.account_number, c.currency, sum(i.open_amount), min(i.due_date)
          from invoices i join customers c on c.id = i.customer_id
         where i.status = 'OPEN' and i.due_date < :dueBefore and i.customer_id > :after and i.currency = c.currency
         group by i.customer_id, c.account_number, c.currency
         order by i.customer_id
         limit :limit
        """, Map.of("dueBefore", dueBefore, "after", afterCustomerId, "limit", limit),
        (rs, n) -> new OverdueAccount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
            rs.getObject(5, LocalDate.class)));
  }

  /** The overdue open invoices of these customers. */
  @Transactional(readOnly = true)
  public List<OverdueInvoice> invoicesOf(Collection<Long> customerIds, LocalDate dueBefore) {
    if (customerIds.isEmpty()) {
      return List.of();
    }
    return jdbc.query("""
        select id, invoice_number, customer_id, due_date, open_amount, currency
          from invoices
         where status = 'OPEN' and due_date < :dueBefore and customer_id in (:customers)
         order by customer_id, due_date, invoice_number
        """, Map.of("dueBefore", dueBefore, "customers", customerIds),
        (rs, n) -> new OverdueInvoice(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, LocalDate.class),
            rs.getBigDecimal(5), rs.getString(6)));
  }

  /** What is still open of these invoices (a case's outstanding amount). */
  @Transactional(readOnly = true)
  public BigDecimal openAmountOf(Collection<Long> invoiceIds) {
    if (invoiceIds.isEmpty()) {
      return BigDecimal.ZERO;
    }
    return jdbc.queryForObject("select coalesce(sum(open_amount), 0) from invoices where status = 'OPEN' and id in (:ids)",
        Map.of("ids", invoiceIds), BigDecimal.class);
  }
}
