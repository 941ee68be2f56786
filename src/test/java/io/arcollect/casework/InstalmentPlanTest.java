package io.arcollect.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InstalmentPlanTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  @Test
  void aDownPaymentIsDueTodayAndTheLastInstalmentTakesTheRounding() {
    InstalmentPlan plan = new InstalmentPlan(new BigDecimal("1000.00"), new BigDecimal("100"), 3, TODAY,
        LocalDate.of(2026, 4, 1), 30);

    assertThat(plan.scheduledPayments()).isEqualTo(4);
    assertThat(plan.dueDate(0)).isEqualTo(TODAY);
    assertThat(plan.dueDate(1)).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(plan.dueDate(3)).isEqualTo(LocalDate.of(2026, 5, 31));
    assertThat(plan.instalmentAmount()).isEqualByComparingTo("300.00");
    assertThat(plan.dueUpTo(0)).isEqualByComparingTo("100");
    assertThat(plan.dueUpTo(1)).isEqualByComparingTo("400.00");
    assertThat(plan.dueUpTo(3)).isEqualByComparingTo("1000.00");
  }

  @Test
  void withoutDownPaymentTheFirstInstalmentIsPaymentZero() {
    InstalmentPlan plan = new InstalmentPlan(new BigDecimal("100.00"), null, 3, TODAY, TODAY.plusDays(10), 14);

    assertThat(plan.scheduledPayments()).isEqualTo(3);
    assertThat(plan.dueDate(0)).isEqualTo(TODAY.plusDays(10));
    assertThat(plan.dueUpTo(0)).isEqualByComparingTo("33.33");
    assertThat(plan.dueUpTo(1)).isEqualByComparingTo("66.66");
    assertThat(plan.dueUpTo(2)).isEqualByComparingTo("100.00");
  }

  @Test
  void plansThatDoNotAddUpAreRefusedWithTheReason() {
    assertThatThrownBy(() -> new InstalmentPlan(new BigDecimal("100"), new BigDecimal("100"), 2, TODAY, TODAY, 30))
        .hasMessageContaining("down payment");
    assertThatThrownBy(() -> new InstalmentPlan(new BigDecimal("100"), null, 0, TODAY, TODAY, 30))
        .hasMessageContaining("Between 1 and 36");
    assertThatThrownBy(() -> new InstalmentPlan(new BigDecimal("100"), null, 2, TODAY, TODAY.minusDays(1), 30))
        .hasMessageContaining("before today");
    assertThatThrownBy(() -> new InstalmentPlan(new BigDecimal("100"), null, 2, TODAY, TODAY, 3))
        .hasMessageContaining("7 to 92");
  }
}
