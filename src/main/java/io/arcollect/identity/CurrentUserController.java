package io.arcollect.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CurrentUserController {

  private final IdentityService identityService;

  public CurrentUserController(IdentityService identityService) {
    this.identityService = identityService;
  }

  public record CurrentUser(String userId, List<String> groups) {}

  /** Who the API sees: the dashboard and scripts use it to check a login. */
  @GetMapping("/api/me")
  public CurrentUser me() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return new CurrentUser(authentication.getUserId(), authentication.getGroupIds());
  }
}
