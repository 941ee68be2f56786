package io.arcollect.customerfile;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The customer file's texts: one message source (customer-file/messages*.properties, UTF-8), English unless the
 * browser prefers Chinese.
 */
final class CustomerFileTexts {

  private static final String BUNDLE = "customer-file.messages";

  private CustomerFileTexts() {}

  static Locale localeOf(HttpServletRequest request) {
    for (Locale wanted : java.util.Collections.list(request.getLocales())) {
      if ("zh".equals(wanted.getLanguage())) {
        return Locale.SIMPLIFIED_CHINESE;
      }
      if ("en".equals(wanted.getLanguage())) {
        return Locale.ENGLISH;
      }
    }
    return Locale.ENGLISH;
  }

  static Map<String, String> all(Locale locale) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    Map<String, String> texts = new TreeMap<>();
    for (String key : bundle.keySet()) {
      texts.put(key, bundle.getString(key));
    }
    return texts;
  }
}
