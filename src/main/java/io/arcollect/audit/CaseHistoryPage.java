package io.arcollect.audit;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The case history page's address: the page itself is static (src/main/resources/static/case-history). */
@Controller
class CaseHistoryPage {

  @GetMapping({"/case-history", "/case-history/"})
  String caseHistory() {
    return "forward:/case-history/index.html";
  }
}
