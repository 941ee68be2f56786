package io.arcollect.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A letter's address block written the way the customer's country writes it. */
class PostalAddressTest {

  @Test
  void aChineseAddressGoesFromTheCountryDownToTheStreet() {
    PostalAddress address = PostalAddress.of("西湖区文三路388号", null, "310012", "杭州市", "浙江省", "cn");
    assertThat(address.lines(Locale.CHINESE)).containsExactly("中国", "浙江省杭州市", "西湖区文三路388号", "310012");
  }

  @Test
  void germanBritishAndAmericanAddressesStartWithTheStreet() {
    assertThat(PostalAddress.of("Hafenstraße 12", "3. Stock", "20457", "Hamburg", null, "DE").lines(Locale.ENGLISH))
        .containsExactly("Hafenstraße 12", "3. Stock", "20457 Hamburg", "Germany");
    assertThat(PostalAddress.of("18 Aldwych", null, "WC2B 4DA", "London", null, "GB").lines(Locale.ENGLISH))
        .containsExactly("18 Aldwych", "London", "WC2B 4DA", "United Kingdom");
    assertThat(PostalAddress.of("350 Fifth Avenue", "Suite 100", "10118", "New York", "NY", "US").lines(Locale.ENGLISH))
        .containsExactly("350 Fifth Avenue", "Suite 100", "New York, NY 10118", "United States");
  }

  @Test
  void noPartsIsNoAddressAndAnIncompleteOneIsRefused() {
    assertThat(PostalAddress.of(" ", null, "", null, null, null)).isNull();
    assertThatThrownBy(() -> PostalAddress.of("Main Street 1", null, null, null, null, "DE"))
        .hasMessageContaining("first line, city and country");
    assertThatThrownBy(() -> PostalAddress.of("Main Street 1", null, null, "Berlin", null, "XX"))
        .hasMessageContaining("'XX' is not an ISO 3166 country code");
    assertThatThrownBy(() -> PostalAddress.of("x".repeat(201), null, null, "Berlin", null, "DE"))
        .hasMessageContaining("address line 1 is longer than 200 characters");
  }
}
