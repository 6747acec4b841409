package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * PCI-DSS scope is tokens only (docs/spec.md §7): card numbers sent in any field, an unknown card
 * field, a CVV, a header or a cancellation reason are refused with 422, and afterwards they are
 * nowhere — not in any column of any table (the outbox payloads and the audit log included), not in
 * the log (written at DEBUG, request bodies and all), not in an error body. Personal data in the
 * same log appears only masked.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
    properties = {
      "logging.level.org.springframework.web=DEBUG",
      "logging.level.org.springframework.http=DEBUG",
      "logging.level.org.springframework.core.codec=DEBUG",
      "logging.level.com.reservas=DEBUG"
    })
class CardDataNeverKeptTest extends ApiTest {

  /** Stripe's test cards: Luhn-valid, so they look like real card numbers. */
  static final List<String> CARDS =
      List.of(
          "4242 4242 4242 4242",
          "4000-0566-5566-5556",
          "5555555555554444",
          "378282246310005",
          "6011111111111117",
          "3056930009020004",
          "4000002500003155",
          "5200828282828210");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    useDatabaseOf(CardDataNeverKeptTest.class, registry);
  }

  @Test
  void cardDataSentAnywhereIsRefusedAndNeverStoredLoggedOrEchoed(CapturedOutput output)
      throws SQLException {
    String code = create();
    List<String> answers = new ArrayList<>();

    answers.add(refused(VALID_BODY.replace("\"Ana\"", quoted(CARDS.get(0)))));
    answers.add(refused(VALID_BODY.replace("\"García Núñez\"", quoted(CARDS.get(1)))));
    answers.add(refused(VALID_BODY.replace("ana@example.com", CARDS.get(2) + "@example.com")));
    answers.add(refused(VALID_BODY.replace("+34600111222", "+" + CARDS.get(3))));
    answers.add(refused(VALID_BODY.replace("pm_card_visa", CARDS.get(4))));
    answers.add(refused(VALID_BODY.replace("pm_card_visa", "pm_" + CARDS.get(5))));
    answers.add(refused(VALID_BODY.replace("\"CDAR\"", quoted(CARDS.get(6)))));
    answers.add(refused(VALID_BODY.replace("\"2027-03-10T09:30:00\"", quoted(CARDS.get(7)))));
    answers.add(
        refused(
            VALID_BODY.replace(
                "\"paymentMethodToken\": \"pm_card_visa\"",
                "\"paymentMethodToken\": \"pm_card_visa\", \"cardNumber\": \""
                    + CARDS.get(0)
                    + "\", \"cvv\": \"123\", \"expiry\": \"12/29\"")));
    answers.add(
        refused(
            "{\"card\": {\"number\": \""
                + CARDS.get(1)
                + "\", \"cvc\": \"987\"}, "
                + VALID_BODY.strip().substring(1)));
    answers.add(
        http.post()
            .uri("/api/v1/reservations")
            .header("X-Api-Key", CLIENT_A_KEY)
            .header("Idempotency-Key", CARDS.get(2).replace(" ", ""))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(VALID_BODY)
            .exchange()
            .expectStatus()
            .isEqualTo(422)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());
    answers.add(
        http.post()
            .uri("/api/v1/reservations/{code}/cancellation", code)
            .header("X-Api-Key", CLIENT_A_KEY)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"reason\": \"refund to " + CARDS.get(3) + " please\"}")
            .exchange()
            .expectStatus()
            .isEqualTo(422)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());

    assertThat(answers).hasSize(12).allSatisfy(answer -> assertThat(answer).isNotBlank());
    assertThat(answers).allSatisfy(CardDataNeverKeptTest::holdsNoCard);
    assertThat(everyStoredValue())
        .as("every column of every table")
        .satisfies(CardDataNeverKeptTest::holdsNoCard);
    assertThat(output.getAll()).as("the log").satisfies(CardDataNeverKeptTest::holdsNoCard);
    assertThat(output.getAll())
        .as("the request bodies were logged, masked")
        .contains(com.reservas.privacy.PersonalDataMasker.CARD_PLACEHOLDER);
  }

  @Test
  void theIssuesCancellationReasonIsRefusedAndNotStored() {
    String code = create();
    http.post()
        .uri("/api/v1/reservations/{code}/cancellation", code)
        .header("X-Api-Key", CLIENT_A_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"reason\": \"card 4242.4242.4242.4242\"}")
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].message")
        .isEqualTo("must not contain card data");
    http.get()
        .uri("/api/v1/reservations/{code}", code)
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("CREATED");
  }

  @Test
  void aCardNumberInThePathIsNotEchoedAndTheInstanceIsTheRouteTemplate() {
    http.get()
        .uri("/api/v1/reservations/4242424242424242")
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("No reservation with that code")
        .jsonPath("$.instance")
        .isEqualTo("/api/v1/reservations/%7Bcode%7D");
    for (String path :
        List.of(
            "/api/v1/reservations/4242424242424242/cancellation",
            "/api/v1/reservations/4242-4242-4242-4242/anything",
            "/api/v1/reservations/ana@example.com/x")) {
      String body =
          http.post()
              .uri(path)
              .header("X-Api-Key", CLIENT_A_KEY)
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue("{}")
              .exchange()
              .expectStatus()
              .value(status -> assertThat(status).isIn(404, 405))
              .expectBody(String.class)
              .returnResult()
              .getResponseBody();
      assertThat(body).as(path).doesNotContain("4242").doesNotContain("ana@example.com");
    }
    http.get()
        .uri("/api/v1/reservations/K7P2QX9A")
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("No reservation K7P2QX9A");
  }

  @Test
  void personalDataInTheLogIsMasked(CapturedOutput output) {
    String body =
        VALID_BODY
            .replace("\"Ana\"", "\"Zacarías\"")
            .replace("García Núñez", "Quintanilla Berenguer")
            .replace("ana@example.com", "zq.private@example.org")
            .replace("+34600111222", "+34611987654")
            .replace("pm_card_visa", "pm_card_mastercard");
    String code =
        (String)
            post(body)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("code");
    http.get()
        .uri("/api/v1/reservations/{code}", code)
        .header("X-Api-Key", CLIENT_A_KEY)
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(output.getAll())
        .contains("Z***")
        .doesNotContain("Zacarías")
        .doesNotContain("Quintanilla")
        .doesNotContain("Berenguer")
        .doesNotContain("zq.private")
        .doesNotContain("611987654")
        .doesNotContain("pm_card_mastercard")
        .doesNotContain(CLIENT_A_KEY);
  }

  private String refused(String body) {
    return post(body)
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  private static String quoted(String value) {
    return "\"" + value + "\"";
  }

  /** No card, with or without its separators; digits are compared with everything else removed. */
  private static void holdsNoCard(String text) {
    String digitsOnly = text.replaceAll("[^0-9]", "");
    for (String card : CARDS) {
      String digits = card.replaceAll("[^0-9]", "");
      assertThat(text).doesNotContain(card);
      assertThat(digitsOnly).doesNotContain(digits);
    }
  }

  /** Every value of every column of every table of this test's database, as one text. */
  private String everyStoredValue() throws SQLException {
    StringBuilder all = new StringBuilder();
    try (Connection c = database(getClass()).connect();
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertThat(tables)
          .contains("reservation", "reservation_contact", "outbox_event", "audit_log");
      for (String table : tables) {
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              int type = rs.getMetaData().getColumnType(i);
              boolean binary =
                  type == java.sql.Types.BINARY
                      || type == java.sql.Types.VARBINARY
                      || type == java.sql.Types.LONGVARBINARY
                      || type == java.sql.Types.BLOB;
              String value =
                  binary
                      ? java.util.Optional.ofNullable(rs.getBytes(i))
                          .map(b -> new String(b, StandardCharsets.ISO_8859_1))
                          .orElse(null)
                      : rs.getString(i);
              if (value != null) {
                all.append(value).append('\n');
              }
            }
          }
        }
      }
    }
    assertThat(all)
        .as("the reservation and its outbox row were stored")
        .contains("ReservationCreated");
    return all.toString();
  }
}
