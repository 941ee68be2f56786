package io.arcollect.casework;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attempts the rules refused (a four-eyes claim or completion), in the contact log as INTERNAL / REFUSED with the
 * user and the reason. Written in a transaction of their own: the engine's transaction that tried it is rolled
 * back, the record of the attempt stays (the case trail shows it).
 */
@Service
public class RefusedAttempts {

  private final ContactLog contactLog;
  private final CaseContext context;

  RefusedAttempts(ContactLog contactLog, CaseContext context) {
    this.contactLog = contactLog;
    this.context = context;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(String caseNumber, String taskKey, String taskName, String userId, String reason,
      String processInstanceId, String taskId) {
    contactLog.record(new ContactAttempt(caseNumber, context.customerId(caseNumber), "INTERNAL", taskKey,
        context.now(), userId, "REFUSED", reason + " (" + taskName + ")", null, processInstanceId, taskId));
  }
}
