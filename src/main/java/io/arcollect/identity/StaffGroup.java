package io.arcollect.identity;

import java.util.Arrays;
import java.util.List;

/** The Camunda groups ArCollect's people belong to; task routing and authorizations are keyed on them. */
public enum StaffGroup {
  SALES("sales", "Sales", true),
  FINANCE("finance", "Finance", true),
  LEGAL("legal", "Legal", true),
  AUDITORS("auditors", "Auditors", false),
  PROCESS_OWNERS("process-owners", "Process owners", false);

  private final String id;
  private final String displayName;
  private final boolean worksTasks;

  StaffGroup(String id, String displayName, boolean worksTasks) {
    this.id = id;
    this.displayName = displayName;
    this.worksTasks = worksTasks;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  /** Departments that receive collection tasks in Tasklist. */
  public boolean worksTasks() {
    return worksTasks;
  }

  /** The group of the department's team leads (e.g. finance-leads): they reassign any task of the department. */
  public String leadsGroupId() {
    return id + "-leads";
  }

  public static List<StaffGroup> departments() {
    return Arrays.stream(values()).filter(StaffGroup::worksTasks).toList();
  }
}
