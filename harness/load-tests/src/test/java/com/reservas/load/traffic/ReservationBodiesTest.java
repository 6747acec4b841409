package com.reservas.load.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReservationBodiesTest {

  // The API's rules (ReservationRequestValidator, docs/spec.md §4).
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} '’.-]*");
  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
  private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,11}");
  private static final Set<String> AIRPORTS =
      Set.of(
          "MAD-AIRPORT",
          "BCN-AIRPORT",
          "AGP-AIRPORT",
          "PMI-AIRPORT",
          "VLC-AIRPORT",
          "SVQ-AIRPORT",
          "BIO-AIRPORT",
          "LPA-AIRPORT");
  private static final Set<String> CATEGORIES =
      Set.of("MBMR", "ECMN", "CDMR", "CDAR", "IDAR", "SFAR", "PVAR");

  private final LocalDate today = LocalDate.of(2026, 11, 29);
  private final List<JsonNode> bodies = generate(5000);

  @Test
  void everyBodyPassesTheApisValidationRules() {
    for (JsonNode body : bodies) {
      JsonNode customer = body.path("customer");
      for (String field : List.of("firstName", "lastName")) {
        String name = customer.path(field).asString();
        assertThat(name).matches(NAME).hasSizeLessThanOrEqualTo(60);
      }
      assertThat(customer.path("email").asString()).matches(EMAIL);
      // At most 12 digits: a phone never looks like a card number (13-19 digits) to the API.
      assertThat(customer.path("phone").asString()).matches(PHONE);
      assertThat(body.path("payment").path("paymentMethodToken").asString())
          .isIn("pm_card_visa", "pm_card_mastercard", "pm_card_chargeDeclined");
    }
  }

  @Test
  void rentalsStartWithinTheNextSeventyFiveDaysAndLastOneToFourteenDays() {
    for (JsonNode body : bodies) {
      LocalDateTime pickup = LocalDateTime.parse(body.path("pickup").path("at").asString());
      LocalDateTime dropoff = LocalDateTime.parse(body.path("dropoff").path("at").asString());
      assertThat(pickup.toLocalDate()).isAfter(today).isBeforeOrEqualTo(today.plusDays(75));
      assertThat(dropoff).isAfter(pickup);
      assertThat(Duration.between(pickup, dropoff)).isLessThanOrEqualTo(Duration.ofDays(15));
      assertThat(dropoff.toLocalDate()).isBefore(today.plusDays(91));
    }
  }

  @Test
  void officesCategoriesAndSuppliersAreSeededAndServed() {
    for (JsonNode body : bodies) {
      String pickup = body.path("pickup").path("officeCode").asString();
      String dropoff = body.path("dropoff").path("officeCode").asString();
      String category = body.path("vehicle").path("categoryCode").asString();
      String supplier = body.path("vehicle").path("supplierCode").asString();
      assertThat(pickup).isIn(AIRPORTS);
      assertThat(dropoff).isIn(AIRPORTS);
      assertThat(category).isIn(CATEGORIES);
      assertThat(supplier).isIn("IBERCAR", "SOLRENT", "NORTEAUTO");
      if (supplier.equals("NORTEAUTO")) {
        assertThat(List.of(pickup, dropoff)).isSubsetOf("BIO-AIRPORT", "MAD-AIRPORT");
        assertThat(category).isNotIn("MBMR", "PVAR");
      }
    }
  }

  @Test
  void theTrafficIsVariedAndMostlyAvoidsMalaga() {
    Set<String> scripts = new HashSet<>();
    long malaga = 0;
    long declined = 0;
    for (JsonNode body : bodies) {
      String name = body.path("customer").path("lastName").asString();
      scripts.add(Character.UnicodeScript.of(name.codePointAt(0)).name());
      if (body.path("pickup").path("officeCode").asString().equals("AGP-AIRPORT")) {
        malaga++;
      }
      if (body.path("payment").path("paymentMethodToken").asString().contains("Declined")) {
        declined++;
      }
    }
    assertThat(scripts).contains("LATIN", "GREEK", "CYRILLIC", "ARABIC", "HAN", "HANGUL");
    assertThat(malaga).isBetween(1L, 150L);
    assertThat(declined).isBetween(100L, 350L);
  }

  private List<JsonNode> generate(int count) {
    ReservationBodies generator = new ReservationBodies(new Random(42), today);
    List<JsonNode> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(JsonMapper.shared().readTree(generator.next()));
    }
    return out;
  }
}
