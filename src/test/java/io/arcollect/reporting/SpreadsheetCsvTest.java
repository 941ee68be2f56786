package io.arcollect.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadsheetCsvTest {

  @Test
  void cellsThatASpreadsheetWouldRunAsAFormulaAreDefused() {
    String csv = SpreadsheetCsv.of(List.of("name", "amount"), List.of(
        List.of("=HYPERLINK(\"http://evil\",\"click\")", new BigDecimal("-12.50")),
        List.of("+1+1", 3),
        List.of("-2+3", -4),
        List.of("@SUM(A1)", 0),
        List.of("\tcmd", 0),
        List.of("\rcmd", 0),
        Arrays.asList("ACME, Inc.", null)));

    assertThat(csv.split("\r\n")).containsExactly(
        "name,amount",
        "\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\",-12.50",
        "'+1+1,3",
        "'-2+3,-4",
        "'@SUM(A1),0",
        "'\tcmd,0",
        "\"'\rcmd\",0",
        "\"ACME, Inc.\",");
  }
}
