package io.arcollect.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where letters to a customer go, in the parts an ERP keeps. {@link #lines(Locale)} writes it the way the
 * customer's country addresses mail: largest part first in China, Japan, Korea and Taiwan, street first elsewhere.
 */
public record PostalAddress(String line1, String line2, String postcode, String city, String region, String country) {

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Set<String> LARGEST_FIRST = Set.of("CN", "JP", "KR", "TW");
  private static final Set<String> CITY_REGION_POSTCODE = Set.of("US", "CA", "AU");

  /**
   * A checked address; blank parts count as absent. Answers null when every part is blank (no address given).
   *
   * @throws IllegalArgumentException naming the part that is missing, too long or not a country code
   */
  public static PostalAddress of(String line1, String line2, String postcode, String city, String region,
      String country) {
    if (Stream.of(line1, line2, postcode, city, region, country).allMatch(PostalAddress::blank)) {
      return null;
    }
    String code = blank(country) ? null : country.trim().toUpperCase(Locale.ROOT);
    if (blank(line1) || blank(city) || code == null) {
      throw new IllegalArgumentException("an address needs at least its first line, city and country");
    }
    if (!COUNTRIES.contains(code)) {
      throw new IllegalArgumentException("country '" + country.trim() + "' is not an ISO 3166 country code such as DE, GB or CN");
    }
    return new PostalAddress(checked("address line 1", line1, 200), checked("address line 2", line2, 200),
        checked("postcode", postcode, 20), checked("city", city, 100), checked("region", region, 100), code);
  }

  /** The address block of a letter, in {@code language} for the country's name. */
  public List<String> lines(Locale language) {
    List<String> lines = new ArrayList<>();
    String countryName = new Locale.Builder().setRegion(country).build().getDisplayCountry(language);
    if (LARGEST_FIRST.contains(country)) {
      // e.g. 中国 / 浙江省杭州市 / 西湖区文三路100号 / 310012
      lines.add(countryName);
      lines.add(join("", region, city));
      lines.add(line1);
      add(lines, line2);
      add(lines, postcode);
      return lines;
    }
    lines.add(line1);
    add(lines, line2);
    if (CITY_REGION_POSTCODE.contains(country)) {
      lines.add(join(" ", city + (region == null ? "" : ","), region, postcode));
    } else if (country.equals("GB")) {
      lines.add(city);
      add(lines, region);
      add(lines, postcode);
    } else {
      lines.add(join(" ", postcode, city));
      add(lines, region);
    }
    lines.add(countryName);
    return lines;
  }

  private static void add(List<String> lines, String part) {
    if (part != null) {
      lines.add(part);
    }
  }

  private static String join(String separator, String... parts) {
    return Stream.of(parts).filter(part -> !blank(part)).collect(Collectors.joining(separator));
  }

  private static String checked(String part, String value, int maxLength) {
    if (blank(value)) {
      return null;
    }
    String trimmed = value.trim();
    if (trimmed.length() > maxLength) {
      throw new IllegalArgumentException(part + " is longer than " + maxLength + " characters");
    }
    return trimmed;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
