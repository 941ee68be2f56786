package io.arcollect.casework;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AgingSweepController {

  private final AgingSweep sweep;

  AgingSweepController(AgingSweep sweep) {
    this.sweep = sweep;
  }

  /** Runs the daily sweep now. */
  @PostMapping("/api/aging-sweep")
  @PreAuthorize("hasAnyAuthority('GROUP_finance', 'GROUP_camunda-admin')")
  AgingSweep.Result run() {
    return sweep.run();
  }
}
