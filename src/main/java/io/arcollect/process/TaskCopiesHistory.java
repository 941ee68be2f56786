package io.arcollect.process;

import io.arcollect.casework.CaseContext;
import io.arcollect.system.RepeatedDecisions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * History level "full", except for the copies a task gets for its form and the Tasklist columns when it is created
 * ({@link TaskContext}, {@link TaskHandling}): the invoice table, recent contacts, the amounts and codes in words, the
 * case number, customer, days past due and strategy. They are task-local copies of the ledger, the contact log and
 * the case's own variables, which all keep their full history; each copy would otherwise write a historic variable
 * and a history detail row besides its runtime row, at every task (issue 17: about 30 of a case's 210 rows in its
 * first step), and the case trail shows none of them. Everything else keeps full history: the case's variables,
 * what users submit (stored on the case, never as one of these task-local names: {@code TaskCopiesHistoryTest}),
 * decisions, activities, tasks, operations.
 *
 * <p>Nor is the history of a decision evaluation written that another step repeats with its own
 * ({@link RepeatedDecisions}: the aging sweep's credit grade, 9 rows an account).
 *
 * <p>The level keeps full's id (3) and name, so a database created with "full" starts with it and the other way round;
 * {@code camunda.bpm.history-level: full} chooses it (the engine takes the last level of that name).
 */
@Component
class TaskCopiesHistory extends AbstractProcessEnginePlugin {

  /** The task-local variables whose history is not written: copies for the form and the task list. */
  static final Set<String> COPIES = copies();

  private static Set<String> copies() {
    Set<String> names = new HashSet<>(CaseContext.FOR_TASK);
    names.addAll(TaskHandling.LIST_COLUMNS);
    names.addAll(TaskContext.SHOWN);
    return Set.copyOf(names);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new java.util.ArrayList<>()
        : new java.util.ArrayList<>(configuration.getCustomHistoryLevels());
    levels.add(new Level());
    configuration.setCustomHistoryLevels(levels);
  }

  /** Full history without the tasks' form copies and repeated decisions. */
  static final class Level extends HistoryLevelFull {
    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      if (eventType == HistoryEventTypes.DMN_DECISION_EVALUATE && RepeatedDecisions.underway()) {
        return false;
      }
      // the variable events (create, update, delete) come with the variable itself
      return !(entity instanceof VariableInstanceEntity variable && variable.getTaskId() != null
          && COPIES.contains(variable.getName()));
    }
  }
}
