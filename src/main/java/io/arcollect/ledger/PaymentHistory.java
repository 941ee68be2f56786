package io.arcollect.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The raw figures of a customer's payment history, for the analysis capability; the payments of invoices, for audit. */
@Service
public class PaymentHistory {

  /**
   * @param daysLateP90 90th percentile of days late over paid invoices (early payment counts as 0)
   * @param averageDaysLateOfLatePayments average days late over the invoices paid late
   */
  public record Figures(String accountNumber, String currency, BigDecimal creditLimit, long invoiceCount,
      long paidCount, long paidLateCount, Double averageDaysLateOfLatePayments, Double daysLateP90,
      long disputedCount, BigDecimal openAmount, LocalDate oldestOpenDueDate, BigDecimal creditedAmount,
      BigDecimal writtenOffAmount) {}

  private final NamedParameterJdbcTemplate jdbc;

  PaymentHistory(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Optional<Figures> of(String accountNumber) {
    return jdbc.query("""
        select c.account_number, c.currency, c.credit_limit,
               count(i.id),
               sum(case when i.status = 'PAID' then 1 else 0 end),
               sum(case when i.status = 'PAID' and i.days_late > 0 then 1 else 0 end),
               avg(case when i.status = 'PAID' and i.days_late > 0 then cast(i.days_late as double precision) end),
               (select percentile_cont(0.9) within group (order by case when p.days_late > 0 then p.days_late else 0 end)
                  from invoices p where p.customer_id = c.id and p.status = 'PAID'),
               sum(case when i.disputed then 1 else 0 end),
               coalesce(sum(case when i.status = 'OPEN' then i.open_amount end), 0),
               min(case when i.status = 'OPEN' then i.due_date end),
               (select coalesce(sum(r.amount), 0) from receivable_adjustments r join invoices x on x.id = r.invoice_id
                 where x.customer_id = c.id and r.kind in ('CREDIT_NOTE', 'CORRECTION')),
               (select coalesce(sum(r.amount), 0) from receivable_adjustments r join invoices x on x.id = r.invoice_id
                 where x.customer_id = c.id and r.kind = 'WRITE_OFF')
          from customers c
          left join invoices i on i.customer_id = c.id
         where c.account_number = :account
         group by c.id, c.account_number, c.currency, c.credit_limit
        """, java.util.Map.of("account", accountNumber), (rs, n) -> new Figures(rs.getString(1), rs.getString(2),
        rs.getBigDecimal(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), (Double) rs.getObject(7, Double.class),
        rs.getObject(8) == null ? null : rs.getDouble(8), rs.getLong(9), rs.getBigDecimal(10),
        rs.getObject(11, LocalDate.class), rs.getBigDecimal(12).stripTrailingZeros(),
        rs.getBigDecimal(13).stripTrailingZeros())).stream().findFirst();
  }

  /** A payment as the bank booked it, with what of it went to which of the invoices asked about. */
  public record Receipt(String bankReference, String statementId, LocalDate valueDate, LocalDate bookingDate,
      BigDecimal amount, String currency, String payerName, String remittanceText, Instant receivedAt,
      List<Allocated> allocations) {}

  public record Allocated(String invoiceNumber, BigDecimal amount, Instant allocatedAt) {}

  /** The payments allocated to any of these invoices, in the order they were received. */
  @Transactional(readOnly = true)
  public List<Receipt> receiptsFor(Collection<String> invoiceNumbers) {
    if (invoiceNumbers.isEmpty()) {
      return List.of();
    }
    Map<String, Receipt> receipts = new LinkedHashMap<>();
    jdbc.query("""
        select p.bank_reference, p.statement_id, p.value_date, p.booking_date, p.amount, p.currency, p.payer_name,
               p.remittance_text, p.received_at, i.invoice_number, a.amount, a.allocated_at
          from allocations a join payments p on p.id = a.payment_id join invoices i on i.id = a.invoice_id
         where i.invoice_number in (:numbers)
         order by p.received_at, p.id, a.id
        """, Map.of("numbers", invoiceNumbers), rs -> {
          Receipt receipt = receipts.computeIfAbsent(rs.getString(1), reference -> {
            try {
              return new Receipt(reference, rs.getString(2), rs.getObject(3, LocalDate.class),
                  rs.getObject(4, LocalDate.class), rs.getBigDecimal(5), rs.getString(6), rs.getString(7),
                  rs.getString(8), rs.getTimestamp(9).toInstant(), new ArrayList<>());
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          });
          receipt.allocations().add(new Allocated(rs.getString(10), rs.getBigDecimal(11), rs.getTimestamp(12).toInstant()));
        });
    return List.copyOf(receipts.values());
  }
}
