package io.arcollect.reporting;

import io.arcollect.identity.StaffGroup;
import io.arcollect.identity.SystemAuthority;
import io.arcollect.ledger.AgingReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers management steers by, each computed by one or two grouped SQL queries (the same SQL on H2 and
 * PostgreSQL) so they stay fast at a million invoices. Formulas are in the README ("KPIs"). Ledger figures
 * (aging, DSO, CEI) are per currency and company-wide; case figures can be narrowed to a department.
 */
@Service
public class KpiReport {

  /** How a case's recovery is grouped. */
  public enum RecoveryBy { STRATEGY, DEPARTMENT, COLLECTOR }

  private static final List<String> OUTCOMES =
      List.of("PAID", "SETTLED", "WRITTEN_OFF", "REFERRED_TO_LEGAL", "REFERRED_TO_AGENCY", "CANCELLED");

  /** A receivable at the end of day :d, before the money received up to then (see ALLOCATIONS_SINCE). */
  private static final String RECEIVABLE_AT = "(case when i.paid_date > :d then i.amount else i.open_amount end)";

  /**
   * Invoices paid before the period began add nothing (every invoice issued since is paid after, or open), so a
   * long history costs little (index ix_invoices_paid_date).
   */
  private static final String INVOICES_AT = """
      select i.currency,
             sum(case when i.issue_date <= :d0 then %1$s else 0 end) as begin_receivables,
             sum(case when i.issue_date <= :d1 then %2$s else 0 end) as end_receivables,
             sum(case when i.issue_date <= :d1 and i.due_date >= :d1 then %2$s else 0 end) as end_current,
             sum(case when i.issue_date > :d0 and i.issue_date <= :d1 then i.amount else 0 end) as credit_sales
        from invoices i
       where i.paid_date is null or i.paid_date > :d0
       group by i.currency
      """.formatted(RECEIVABLE_AT.replace(":d", ":d0"), RECEIVABLE_AT.replace(":d", ":d1"));

  /**
   * Corrects RECEIVABLE_AT by the money received: an invoice paid off after :d owed its amount less what came
   * in up to :d; one still open (or paid by :d) owed what is open now plus what came in after :d. Only invoices
   * open or paid since the period began can need it (index ix_invoices_paid_date, ix_allocations_invoice).
   */
  private static final String ALLOCATION_AT = """
      (case when i.paid_date > :d then (case when p.value_date <= :d then -a.amount else 0 end)
            else (case when p.value_date > :d then a.amount else 0 end) end)""";

  private static final String ALLOCATIONS_SINCE = """
      select i.currency,
             sum(case when i.issue_date <= :d0 then %1$s else 0 end) as begin_receivables,
             sum(%2$s) as end_receivables,
             sum(case when i.due_date >= :d1 then %2$s else 0 end) as end_current
        from invoices i
        join allocations a on a.invoice_id = i.id
        join payments p on p.id = a.payment_id
       where (i.paid_date is null or i.paid_date > :d0) and i.issue_date <= :d1
       group by i.currency
      """.formatted(ALLOCATION_AT.replace(":d", ":d0"), ALLOCATION_AT.replace(":d", ":d1"));

  /**
   * Corrects RECEIVABLE_AT by credit notes, corrections and write-offs (receivable_adjustments), dated like money
   * received: an invoice paid off after :d owed its amount less what was credited or written off up to :d; any other
   * owed what is open now plus what was credited or written off after :d (a written-off invoice has nothing open).
   */
  private static final String ADJUSTMENT_AT = """
      (case when i.paid_date > :d then (case when r.effective_date <= :d then -r.amount else 0 end)
            else (case when r.effective_date > :d then r.amount else 0 end) end)""";

  private static final String ADJUSTMENTS_SINCE = """
      select i.currency,
             sum(case when i.issue_date <= :d0 then %1$s else 0 end) as begin_receivables,
             sum(%2$s) as end_receivables,
             sum(case when i.due_date >= :d1 then %2$s else 0 end) as end_current
        from invoices i
        join receivable_adjustments r on r.invoice_id = i.id
       where (i.paid_date is null or i.paid_date > :d0) and i.issue_date <= :d1
       group by i.currency
      """.formatted(ADJUSTMENT_AT.replace(":d", ":d0"), ADJUSTMENT_AT.replace(":d", ":d1"));

  private final NamedParameterJdbcTemplate jdbc;
  private final AgingReport aging;
  private final TaskService tasks;
  private final SystemAuthority system;
  private final Clock clock;

  KpiReport(NamedParameterJdbcTemplate jdbc, AgingReport aging, TaskService tasks, SystemAuthority system, Clock clock) {
    this.jdbc = jdbc;
    this.aging = aging;
    this.tasks = tasks;
    this.system = system;
    this.clock = clock;
  }

  /** Open amounts per currency by days past due at the end of the period. */
  @Transactional(readOnly = true)
  public KpiTable aging(LocalDate asOf) {
    List<Map<String, Object>> rows = new ArrayList<>();
    aging.asOf(asOf, 1).totalsByCurrency().values().forEach(line -> rows.add(row(
        "currency", line.currency(), "current", line.current(), "days_1_30", line.days1To30(),
        "days_31_60", line.days31To60(), "days_61_90", line.days61To90(), "days_91_180", line.days91To180(),
        "over_180", line.over180(), "total", line.total())));
    return table("aging", "Open receivables by days past due as of " + asOf, rows,
        "currency", "current", "days_1_30", "days_31_60", "days_61_90", "days_91_180", "over_180", "total");
  }

  /** Receivables at the start and end of the period, credit sales in it, DSO and CEI; per currency. */
  @Transactional(readOnly = true)
  public KpiTable receivables(LocalDate from, LocalDate to) {
    LocalDate before = from.minusDays(1);
    MapSqlParameterSource dates = new MapSqlParameterSource().addValue("d0", before).addValue("d1", to);
    Map<String, BigDecimal[]> byCurrency = new TreeMap<>();
    jdbc.query(INVOICES_AT, dates, rs -> {
      byCurrency.put(rs.getString(1), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
          rs.getBigDecimal(5)});
    });
    for (String correction : List.of(ALLOCATIONS_SINCE, ADJUSTMENTS_SINCE)) {
      jdbc.query(correction, dates, rs -> {
        BigDecimal[] figures = byCurrency.get(rs.getString(1));
        for (int i = 0; i < 3; i++) {
          figures[i] = figures[i].add(rs.getBigDecimal(i + 2));
        }
      });
    }
    long days = ChronoUnit.DAYS.between(before, to);
    List<Map<String, Object>> rows = new ArrayList<>();
    byCurrency.forEach((currency, f) -> {
      BigDecimal begin = f[0];
      BigDecimal end = f[1];
      BigDecimal endCurrent = f[2];
      BigDecimal sales = f[3];
      BigDecimal dso = sales.signum() == 0 ? null
          : end.multiply(BigDecimal.valueOf(days)).divide(sales, 1, RoundingMode.HALF_UP);
      BigDecimal collectible = begin.add(sales).subtract(endCurrent);
      BigDecimal cei = collectible.signum() == 0 ? null
          : begin.add(sales).subtract(end).multiply(BigDecimal.valueOf(100)).divide(collectible, 1, RoundingMode.HALF_UP);
      rows.add(row("currency", currency, "begin_receivables", money(begin), "credit_sales", money(sales),
          "end_receivables", money(end), "end_current_receivables", money(endCurrent), "days", days, "dso", dso,
          "cei", cei));
    });
    return table("receivables", "DSO and collection effectiveness index (CEI) from " + from + " to " + to, rows,
        "currency", "begin_receivables", "credit_sales", "end_receivables", "end_current_receivables", "days", "dso", "cei");
  }

  /** Promises to pay due in the period: made, checked, kept and the promise-kept rate, per department. */
  @Transactional(readOnly = true)
  public KpiTable promises(LocalDate from, LocalDate to, String department) {
    MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("from", from).addValue("to", to)
        .addValue("department", department);
    List<Map<String, Object>> rows = new ArrayList<>();
    long[] total = new long[3];
    jdbc.query("""
        select coalesce(c.owning_department, '-') as department, count(*) as made,
               sum(case when p.kept is not null then 1 else 0 end) as checked,
               sum(case when p.kept then 1 else 0 end) as kept
          from promises_to_pay p
          join collection_cases c on c.case_number = p.case_number
         where p.promised_date >= :from and p.promised_date <= :to
        """ + departmentFilter(department) + """
         group by coalesce(c.owning_department, '-')
         order by 1
        """, parameters, rs -> {
          long[] figures = {rs.getLong(2), rs.getLong(3), rs.getLong(4)};
          rows.add(promiseRow(rs.getString(1), figures));
          for (int i = 0; i < 3; i++) {
            total[i] += figures[i];
          }
        });
    rows.add(promiseRow("all", total));
    return table("promises", "Promises to pay due from " + from + " to " + to + "; rate = kept / checked", rows,
        "department", "made", "checked", "kept", "broken", "kept_rate");
  }

  /** Cases opened, and closed by outcome, per month of the period. */
  @Transactional(readOnly = true)
  public KpiTable cases(LocalDate from, LocalDate to, String department) {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
      months.add(month);
    }
    MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("department", department);
    StringBuilder bucket = new StringBuilder("case");
    for (int i = 0; i <= months.size(); i++) {
      Instant boundary = (i == months.size() ? months.get(i - 1).plusMonths(1) : months.get(i)).atDay(1)
          .atStartOfDay(clock.getZone()).toInstant();
      parameters.addValue("b" + i, Timestamp.from(boundary));
      if (i > 0) {
        bucket.append(" when %s < :b").append(i).append(" then ").append(i - 1);
      }
    }
    bucket.append(" end");
    String sql = """
        select bucket, outcome, count(*) from (
          select %s as bucket, 'OPENED' as outcome from collection_cases c
           where c.opened_at >= :b0 and c.opened_at < :bN %s
          union all
          select %s as bucket, c.outcome from collection_cases c
           where c.closed_at >= :b0 and c.closed_at < :bN %s
        ) t group by bucket, outcome
        """.formatted(bucket.toString().replace("%s", "c.opened_at"), departmentFilter(department),
        bucket.toString().replace("%s", "c.closed_at"), departmentFilter(department))
        .replace(":bN", ":b" + months.size());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (YearMonth month : months) {
      Map<String, Object> row = row("month", month.toString(), "opened", 0L, "closed", 0L);
      OUTCOMES.forEach(outcome -> row.put(outcome.toLowerCase(), 0L));
      rows.add(row);
    }
    jdbc.query(sql, parameters, rs -> {
      Map<String, Object> row = rows.get(rs.getInt(1));
      String outcome = rs.getString(2);
      long count = rs.getLong(3);
      if ("OPENED".equals(outcome)) {
        row.put("opened", count);
      } else {
        row.put("closed", (Long) row.get("closed") + count);
        row.merge(outcome == null ? "unknown" : outcome.toLowerCase(), count, (a, b) -> (Long) a + (Long) b);
      }
    });
    List<String> columns = new ArrayList<>(List.of("month", "opened", "closed"));
    OUTCOMES.forEach(outcome -> columns.add(outcome.toLowerCase()));
    return table("cases", "Cases opened and closed (by outcome) per month from " + from + " to " + to, rows,
        columns.toArray(String[]::new));
  }

  /**
   * Cases closed in the period: their recovery rate (money received on the case's invoices while it was open, up to
   * what there was to recover, over what there was to recover: the amount at opening less the credit notes and
   * corrections made in the case, which were never owed; write-offs stay in, they are lost; averaged over cases with
   * something to recover) and average days to close.
   */
  @Transactional(readOnly = true)
  public KpiTable recovery(LocalDate from, LocalDate to, String department, RecoveryBy by) {
    String key = switch (by) {
      case STRATEGY -> "coalesce(c.strategy, '-')";
      case DEPARTMENT -> "coalesce(c.owning_department, '-')";
      // a collector is anyone who logged a contact (call, approval, decision) on the case
      case COLLECTOR -> "w.user_id";
    };
    String collectors = by == RecoveryBy.COLLECTOR
        ? "join (select distinct case_number, user_id from contact_log where user_id is not null) w on w.case_number = c.case_number"
        : "";
    MapSqlParameterSource parameters = new MapSqlParameterSource()
        .addValue("from", Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()))
        .addValue("to", Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
        .addValue("department", department);
    String sql = """
        select %1$s as grp, count(*) as cases,
               avg(case when c.amount_at_open - coalesce(cr.credited, 0) > 0
                        then (case when coalesce(r.recovered, 0) > c.amount_at_open - coalesce(cr.credited, 0)
                                   then c.amount_at_open - coalesce(cr.credited, 0)
                                   else coalesce(r.recovered, 0) end) / (c.amount_at_open - coalesce(cr.credited, 0))
                        end) as recovery,
               avg((extract(epoch from c.closed_at) - extract(epoch from c.opened_at)) / 86400) as days_to_close
          from collection_cases c
          left join (select ci.case_id, sum(a.amount) as recovered
                       from case_invoices ci
                       join collection_cases k on k.id = ci.case_id
                       join allocations a on a.invoice_id = ci.invoice_id
                      where k.closed_at >= :from and k.closed_at < :to
                        and a.allocated_at >= k.opened_at and a.allocated_at <= k.closed_at
                      group by ci.case_id) r on r.case_id = c.id
          left join (select a.case_number, sum(a.amount) as credited
                       from receivable_adjustments a
                      where a.kind in ('CREDIT_NOTE', 'CORRECTION')
                      group by a.case_number) cr on cr.case_number = c.case_number
          %2$s
         where c.closed_at >= :from and c.closed_at < :to %3$s
         group by %1$s
         order by 1
        """.formatted(key, collectors, departmentFilter(department));
    List<Map<String, Object>> rows = jdbc.query(sql, parameters, (rs, n) -> row(
        by.name().toLowerCase(), rs.getString(1), "cases_closed", rs.getLong(2),
        "recovery_rate", percent(rs.getBigDecimal(3)),
        "avg_days_to_close", rs.getBigDecimal(4) == null ? null : rs.getBigDecimal(4).setScale(1, RoundingMode.HALF_UP)));
    return table("recovery", "Recovery rate (%) and average days to close of cases closed from " + from + " to " + to
        + ", by " + by.name().toLowerCase(), rows, by.name().toLowerCase(), "cases_closed", "recovery_rate", "avg_days_to_close");
  }

  /** Open tasks per department (candidate group) now, and how far past their due date they are. */
  public KpiTable openTasks(String department) {
    Instant now = clock.instant();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (StaffGroup group : StaffGroup.departments()) {
      if (department != null && !department.equals(group.id())) {
        continue;
      }
      rows.add(system.call(() -> {
        long open = query(group).count();
        long overdue = query(group).dueBefore(java.util.Date.from(now)).count();
        long upTo7 = query(group).dueBefore(java.util.Date.from(now))
            .dueAfter(java.util.Date.from(now.minus(Duration.ofDays(7)))).count();
        long upTo30 = query(group).dueBefore(java.util.Date.from(now))
            .dueAfter(java.util.Date.from(now.minus(Duration.ofDays(30)))).count();
        List<Task> oldest = query(group).dueBefore(java.util.Date.from(now)).orderByDueDate().asc().listPage(0, 1);
        Long mostDaysOverdue = oldest.isEmpty() ? null
            : Duration.between(oldest.get(0).getDueDate().toInstant(), now).toDays();
        return row("department", group.id(), "open", open, "not_overdue", open - overdue, "overdue_1_7_days", upTo7,
            "overdue_8_30_days", upTo30 - upTo7, "overdue_over_30_days", overdue - upTo30,
            "most_days_overdue", mostDaysOverdue);
      }));
    }
    return table("open-tasks", "Open tasks per department and how far past due they are, as of " + now, rows,
        "department", "open", "not_overdue", "overdue_1_7_days", "overdue_8_30_days", "overdue_over_30_days",
        "most_days_overdue");
  }

  private TaskQuery query(StaffGroup group) {
    return tasks.createTaskQuery().taskCandidateGroup(group.id()).includeAssignedTasks().active();
  }

  private static Map<String, Object> promiseRow(String department, long[] figures) {
    BigDecimal rate = figures[1] == 0 ? null
        : BigDecimal.valueOf(figures[2] * 100).divide(BigDecimal.valueOf(figures[1]), 1, RoundingMode.HALF_UP);
    return row("department", department, "made", figures[0], "checked", figures[1], "kept", figures[2],
        "broken", figures[1] - figures[2], "kept_rate", rate);
  }

  private static String departmentFilter(String department) {
    return department == null ? "" : " and c.owning_department = :department ";
  }

  private static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal percent(BigDecimal share) {
    return share == null ? null : share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
  }

  private static Map<String, Object> row(Object... namesAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      row.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return row;
  }

  private static KpiTable table(String name, String description, List<Map<String, Object>> rows, String... columns) {
    return new KpiTable(name, description, List.of(columns), rows);
  }
}
