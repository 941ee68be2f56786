package io.arcollect.customerfile;

import io.arcollect.identity.CamundaIdentityAuthenticationProvider;
import io.arcollect.identity.StaffGroup;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer file's API, for the page under /customer-file and for scripts: search, one customer's file, logging
 * a call, note, promise or dispute, and the page's texts in the browser's language.
 */
@RestController
@RequestMapping("/api/customer-file")
class CustomerFileController {

  /** Who logs contacts: the people who work cases. Auditors and process owners read the file only. */
  private static final Set<String> LOG_CONTACTS = Set.of(StaffGroup.SALES.id(), StaffGroup.FINANCE.id(),
      StaffGroup.LEGAL.id(), Groups.CAMUNDA_ADMIN);

  record Session(String user, boolean mayLog, String csrfHeader, String csrfToken) {}

  private final CustomerFile file;
  private final AdHocContacts adHoc;

  CustomerFileController(CustomerFile file, AdHocContacts adHoc) {
    this.file = file;
    this.adHoc = adHoc;
  }

  @GetMapping
  List<CustomerFile.Found> search(@RequestParam(defaultValue = "") String q) {
    return file.search(q);
  }

  /** The page's texts, English or Chinese as the browser asks (Accept-Language). */
  @GetMapping("/texts")
  Map<String, Object> texts(HttpServletRequest request) {
    Locale locale = CustomerFileTexts.localeOf(request);
    return Map.of("language", locale.getLanguage(), "texts", CustomerFileTexts.all(locale));
  }

  /** Who is logged in, whether they may log contacts and the token a session's changes must carry. */
  @GetMapping("/session")
  Session session(Authentication caller, HttpServletRequest request) {
    CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    return new Session(caller.getName(), mayLog(caller), token == null ? null : token.getHeaderName(),
        token == null ? null : token.getToken());
  }

  @GetMapping("/{accountNumber}")
  CustomerFile.File get(@PathVariable String accountNumber, Authentication caller) {
    return file.of(accountNumber, mayLog(caller));
  }

  @PostMapping("/{accountNumber}/contacts")
  @ResponseStatus(HttpStatus.CREATED)
  AdHocContacts.Logged log(@PathVariable String accountNumber, @RequestBody AdHocContacts.Entry entry,
      Authentication caller) {
    if (!mayLog(caller)) {
      throw io.arcollect.system.UserError.forbidden("You can read the customer file; calls, notes, promises and "
          + "disputes are logged by sales, finance and legal.");
    }
    return adHoc.log(accountNumber, entry, caller.getName());
  }

  private static boolean mayLog(Authentication caller) {
    String prefix = CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX;
    return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(a -> a.startsWith(prefix) && LOG_CONTACTS.contains(a.substring(prefix.length())));
  }
}
