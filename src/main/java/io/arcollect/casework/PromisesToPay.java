package io.arcollect.casework;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The promises to pay made in a case, as made and as checked (table promises_to_pay), for the audit trail. */
@Service
public class PromisesToPay {

  /** @param kept null while the promise has not been checked yet */
  public record Promise(BigDecimal amount, String currency, LocalDate promisedDate, Instant madeAt, Boolean kept,
      Instant checkedAt) {}

  private final JdbcTemplate jdbc;

  PromisesToPay(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Oldest first. */
  @Transactional(readOnly = true)
  public List<Promise> ofCase(String caseNumber) {
    return jdbc.query("select * from promises_to_pay where case_number = ? order by made_at, id",
        (rs, row) -> new Promise(rs.getBigDecimal("amount"), rs.getString("currency"),
            rs.getObject("promised_date", LocalDate.class), rs.getTimestamp("made_at").toInstant(),
            (Boolean) rs.getObject("kept"), instant(rs.getTimestamp("checked_at"))), caseNumber);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
