package io.arcollect.system;

import java.util.function.Supplier;

/**
 * Decision evaluations that another step repeats with the same inputs and its own history: for these the engine
 * writes no decision history (the history level, io.arcollect.process.TaskCopiesHistory, asks {@link #underway()}).
 * The aging sweep grades each account's credit as an input of case-opening.dmn; the case it opens grades again in
 * "Grade credit", whose history the case trail shows with the payment figures. The sweep's grade stays in
 * case-opening's history as that decision's input (issue 17: 9 rows an account).
 */
public final class RepeatedDecisions {

  private static final ThreadLocal<Boolean> REPEATED = ThreadLocal.withInitial(() -> Boolean.FALSE);

  private RepeatedDecisions() {}

  /** Evaluates with no decision history of its own, on this thread. */
  public static <T> T evaluate(Supplier<T> evaluation) {
    boolean outer = REPEATED.get();
    REPEATED.set(Boolean.TRUE);
    try {
      return evaluation.get();
    } finally {
      REPEATED.set(outer);
    }
  }

  /** Whether an evaluation without history is underway on this thread (the history level asks). */
  public static boolean underway() {
    return REPEATED.get();
  }
}
