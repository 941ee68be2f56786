package io.arcollect.casework;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The codes of a case (tier, credit grade, strategy, channel, outcome) in words, from one message source
 * (i18n/case-words*.properties) in English and Chinese. Task forms cannot follow the reader's language, so they show
 * both: "Key account (重点客户)". A code without words is shown as the code in lower case words.
 */
@Component
public class CaseWords {

  private static final Locale CHINESE = Locale.CHINESE;

  private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

  public CaseWords() {
    messages.setBasename("i18n/case-words");
    messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
    messages.setFallbackToSystemLocale(false);
  }

  /** The code in the reader's language: {@code word("tier", "KEY", Locale.ENGLISH)} = "Key account". */
  public String word(String kind, String code, Locale locale) {
    if (code == null || code.isBlank()) {
      return "";
    }
    return messages.getMessage(kind + "." + code, null, plain(code), locale);
  }

  /** English with Chinese after it, for the task forms: "Key account (重点客户)". */
  public String bilingual(String kind, String code) {
    String english = word(kind, code, Locale.ENGLISH);
    String chinese = word(kind, code, CHINESE);
    return english.isEmpty() || chinese.equals(english) ? english : english + " (" + chinese + ")";
  }

  private static String plain(String code) {
    String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
