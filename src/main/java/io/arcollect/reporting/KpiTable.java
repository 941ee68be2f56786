package io.arcollect.reporting;

import java.util.List;
import java.util.Map;

/**
 * One KPI as a small table: what the dashboard draws and what the CSV download holds.
 *
 * @param columns the column names, in order; every row has them as keys
 */
public record KpiTable(String name, String description, List<String> columns, List<Map<String, Object>> rows) {

  public String csv() {
    return SpreadsheetCsv.of(columns, rows.stream().map(row -> columns.stream().map(row::get).toList()).toList());
  }
}
