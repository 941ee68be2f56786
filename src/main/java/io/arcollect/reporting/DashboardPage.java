package io.arcollect.reporting;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard's address: the page itself is static (src/main/resources/static/dashboard). */
@Controller
class DashboardPage {

  @GetMapping({"/dashboard", "/dashboard/"})
  String dashboard() {
    return "forward:/dashboard/index.html";
  }
}
