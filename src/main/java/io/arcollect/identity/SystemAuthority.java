package io.arcollect.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine work that the system does on a user's behalf (the sweep opening cases for every account, a
 * payment moving a case on) without the caller's Camunda authorizations, then restores them.
 */
@Component
public class SystemAuthority {

  private final IdentityService identityService;

  SystemAuthority(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T call(Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null) {
      return work.get();
    }
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      identityService.setAuthentication(caller);
    }
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
