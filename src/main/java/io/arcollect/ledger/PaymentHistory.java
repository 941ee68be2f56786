package io.arcollect.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The raw figures of a customer's payment history, for the analysis capability. */
@Service
public class PaymentHistory {

  /**
   * @param daysLateP90 90th percentile of days late over paid invoices (early payment counts as 0)
   * @param averageDaysLateOfLatePayments average days late over the invoices paid late
   */
  public record Figures(String accountNumber, String currency, BigDecimal creditLimit, long invoiceCount,
      long paidCount, long paidLateCount, Double averageDaysLateOfLatePayments, Double daysLateP90,
      long disputedCount, BigDecimal openAmount, LocalDate oldestOpenDueDate) {}

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
               min(case when i.status = 'OPEN' then i.due_date end)
          from customers c
          left join invoices i on i.customer_id = c.id
         where c.account_number = :account
         group by c.id, c.account_number, c.currency, c.credit_limit
        """, java.util.Map.of("account", accountNumber), (rs, n) -> new Figures(rs.getString(1), rs.getString(2),
        rs.getBigDecimal(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), (Double) rs.getObject(7, Double.class),
        rs.getObject(8) == null ? null : rs.getDouble(8), rs.getLong(9), rs.getBigDecimal(10),
        rs.getObject(11, LocalDate.class))).stream().findFirst();
  }
}
