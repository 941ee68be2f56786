package io.arcollect.ledger;

import java.util.List;

/** What an import did, row by row: rejected rows changed nothing, all other rows were stored. */
public record ImportReport(int accepted, int updated, int unchanged, List<RejectedRow> rejected) {

  public record RejectedRow(long line, String reason) {}
}
