package io.arcollect.customerfile;

import io.arcollect.identity.CamundaIdentityAuthenticationProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The customer file's address: the page itself is static (src/main/resources/static/customer-file), for everyone
 * with a login; what it shows is narrowed by casework.CaseVisibility (sales see their own customers). Not logged in:
 * the dashboard's login form, which brings the user back here.
 */
@Controller
class CustomerFilePage {

  @GetMapping({"/customer-file", "/customer-file/"})
  String customerFile() {
    return "forward:/customer-file/index.html";
  }

  @Configuration
  static class Security {

    @Bean
    SecurityFilterChain customerFileSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider)
        throws Exception {
      PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
      return http
          .securityMatcher(new OrRequestMatcher(paths.matcher("/customer-file"), paths.matcher("/customer-file/**")))
          .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
          .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
          .authenticationProvider(provider)
          .build();
    }
  }
}
