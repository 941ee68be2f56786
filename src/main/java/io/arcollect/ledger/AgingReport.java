package io.arcollect.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open amounts per customer and currency in the buckets current, 1-30, 31-60, 61-90, 91-180 and over 180
 * days past due. One grouped SQL query over the open invoices (index ix_invoices_status_due); bucket
 * limits are turned into due-date limits first so the same SQL runs on every database.
 */
@Service
public class AgingReport {

  public record Line(String accountNumber, String customerName, String currency, BigDecimal current,
      BigDecimal days1To30, BigDecimal days31To60, BigDecimal days61To90, BigDecimal days91To180,
      BigDecimal over180, BigDecimal total) {}

  public record Report(LocalDate asOf, List<Line> customers, Map<String, Line> totalsByCurrency, boolean truncated) {}

  private static final String SQL = """
      select c.account_number, c.name, i.currency,
             sum(case when i.due_date >= :asOf then i.open_amount else 0 end) as current_amount,
             sum(case when i.due_date < :asOf and i.due_date >= :d30 then i.open_amount else 0 end) as d1_30,
             sum(case when i.due_date < :d30 and i.due_date >= :d60 then i.open_amount else 0 end) as d31_60,
             sum(case when i.due_date < :d60 and i.due_date >= :d90 then i.open_amount else 0 end) as d61_90,
             sum(case when i.due_date < :d90 and i.due_date >= :d180 then i.open_amount else 0 end) as d91_180,
             sum(case when i.due_date < :d180 then i.open_amount else 0 end) as over_180,
             sum(i.open_amount) as total
        from invoices i
        join customers c on c.id = i.customer_id
       where i.status = 'OPEN'
       group by c.account_number, c.name, i.currency
       order by total desc, c.account_number
       limit :limit
      """;

  private final NamedParameterJdbcTemplate jdbc;

  AgingReport(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Report asOf(LocalDate asOf, int limit) {
    MapSqlParameterSource parameters = new MapSqlParameterSource()
        .addValue("asOf", asOf)
        .addValue("d30", asOf.minusDays(30))
        .addValue("d60", asOf.minusDays(60))
        .addValue("d90", asOf.minusDays(90))
        .addValue("d180", asOf.minusDays(180))
        .addValue("limit", limit + 1);
    List<Line> lines = new ArrayList<>(jdbc.query(SQL, parameters, (rs, n) -> new Line(rs.getString(1), rs.getString(2),
        rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
        rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10))));
    boolean truncated = lines.size() > limit;
    if (truncated) {
      lines.remove(lines.size() - 1);
    }
    return new Report(asOf, lines, totals(parameters), truncated);
  }

  private Map<String, Line> totals(MapSqlParameterSource parameters) {
    String totalsSql = SQL.replace("c.account_number, c.name, i.currency,", "i.currency,")
        .replace("join customers c on c.id = i.customer_id", "")
        .replace("group by c.account_number, c.name, i.currency", "group by i.currency")
        .replace("order by total desc, c.account_number", "order by i.currency")
        // the customer list is limited, the totals of every currency are not
        .replace("limit :limit", "");
    Map<String, Line> totals = new LinkedHashMap<>();
    jdbc.query(totalsSql, parameters, rs -> {
      totals.put(rs.getString(1), new Line(null, null, rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
          rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8)));
    });
    return totals;
  }
}
