package io.arcollect.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * How a customer pays, from the history in the ledger. The ratios are what the credit-grade decision
 * (credit-grade.dmn) reads; {@link #decisionInputs()} names them as the decision expects.
 *
 * @param latePaymentShare share of paid invoices paid after their due date (0..1)
 * @param averageDaysLate average days late over the invoices paid late
 * @param p90DaysLate 90th percentile of days late over all paid invoices (early counts as 0)
 * @param disputeShare share of all invoices that were disputed (0..1)
 * @param exposureRatio open amount / credit limit; null without a credit limit
 * @param creditedAmount what credit notes and corrections took off the customer's invoices (receivable_adjustments)
 * @param writtenOffAmount what was written off of the customer's invoices
 */
public record PaymentBehaviour(String customerAccount, LocalDate asOf, long invoiceCount, long paidInvoiceCount,
    double latePaymentShare, double averageDaysLate, int p90DaysLate, double disputeShare, BigDecimal openAmount,
    BigDecimal creditLimit, String currency, Double exposureRatio, LocalDate oldestOpenDueDate,
    int oldestOpenDaysPastDue, BigDecimal creditedAmount, BigDecimal writtenOffAmount) {

  public Map<String, Object> decisionInputs() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("paidInvoiceCount", (int) paidInvoiceCount);
    inputs.put("latePaymentShare", latePaymentShare);
    inputs.put("averageDaysLate", averageDaysLate);
    inputs.put("p90DaysLate", p90DaysLate);
    inputs.put("disputeShare", disputeShare);
    inputs.put("exposureRatio", exposureRatio);
    inputs.put("oldestOpenDaysPastDue", oldestOpenDaysPastDue);
    return inputs;
  }
}
