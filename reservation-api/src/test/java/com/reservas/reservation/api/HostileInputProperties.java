package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.reservation.application.port.in.ReservationRequest;
import com.reservas.reservation.application.port.out.ReferenceDataPort;
import com.reservas.reservation.application.service.ReservationRequestValidator;
import com.reservas.reservation.domain.ReferenceData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/spec.md §7 input hardening, against the running service: a hostile string (SQL
 * meta-characters, markup, control characters, very long input, mixed scripts, Unicode oddities) in
 * any field of a create request, in its headers or in a cancellation reason never produces a 5xx,
 * and never reaches the database unvalidated: either the request is refused and nothing is written,
 * or what is stored passes the validator's rules again.
 */
class HostileInputProperties {

  /**
   * Longest header value sent: the HTTP server refuses headers past 8 KB before the application.
   */
  private static final int MAX_HEADER_VALUE = 4096;

  /** The fields a client controls: the body's, two headers, a cancellation reason, a field name. */
  static final List<String> FIELDS =
      List.of(
          "customer.firstName",
          "customer.lastName",
          "customer.email",
          "customer.phone",
          "vehicle.categoryCode",
          "vehicle.supplierCode",
          "pickup.officeCode",
          "pickup.at",
          "dropoff.officeCode",
          "dropoff.at",
          "payment.paymentMethodToken",
          "header:Idempotency-Key",
          "header:traceparent",
          "cancellation.reason",
          "customer.(field name)");

  private static final Map<String, String> VALID =
      Map.ofEntries(
          Map.entry("customer.firstName", "Ana"),
          Map.entry("customer.lastName", "García Núñez"),
          Map.entry("customer.email", "ana@example.com"),
          Map.entry("customer.phone", "+34600111222"),
          Map.entry("vehicle.categoryCode", "CDAR"),
          Map.entry("vehicle.supplierCode", "IBERCAR"),
          Map.entry("pickup.officeCode", "MAD-AIRPORT"),
          Map.entry("pickup.at", "2027-03-10T09:30:00"),
          Map.entry("dropoff.officeCode", "BCN-AIRPORT"),
          Map.entry("dropoff.at", "2027-03-14T18:00:00"),
          Map.entry("payment.paymentMethodToken", "pm_card_visa"));

  private static final Pattern NO_CONTROL = Pattern.compile("[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*");
  private static final Pattern NO_MARKUP = Pattern.compile("[^<>&\"`\\\\{}]*");

  /** Input an error may quote back (a well-formed but unknown code, say). */
  private static final Pattern HARMLESS = Pattern.compile("[A-Za-z0-9 _.:+-]{0,40}");

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static RunningApi api;
  private static ReferenceData catalogue;

  @BeforeContainer
  static void start() {
    api = new RunningApi();
    catalogue = api.context.getBean(ReferenceDataPort.class).load().block();
  }

  @AfterContainer
  static void stop() {
    api.close();
  }

  @Property(tries = 200)
  void hostileInputNeverCausesA5xxNorReachesTheDatabaseUnvalidated(
      @ForAll("fields") String field, @ForAll("hostile") String value) throws SQLException {
    String cancellable = field.equals("cancellation.reason") ? createValid() : null;
    long rowsBefore = api.writtenRows();

    EntityExchangeResult<String> answer = send(field, value, cancellable);
    int status = answer.getStatus().value();

    assertThat(status).as("status for %s", field).isLessThan(500);
    Statistics.collect(status / 100 == 2 ? "accepted" : "refused");
    Statistics.coverage(
        coverage -> {
          coverage.check("accepted").count(n -> n >= 10);
          coverage.check("refused").count(n -> n >= 50);
        });
    String body = answer.getResponseBody();
    if (body != null && status >= 400 && !HARMLESS.matcher(value).matches()) {
      // Compared with the texts of the problem document, not its JSON syntax: a value such as
      // a lone quote is in every JSON body without being an echo.
      assertThat(textsOf(body)).as("no echo of hostile input").noneMatch(t -> t.contains(value));
    }
    if (status == 201) {
      String code = (String) JSON.readValue(body, Map.class).get("code");
      storedReservationPassesTheValidator(code);
    } else if (status == 202) {
      storedReasonIsPlainText(cancellable, value);
    } else {
      assertThat(status).isBetween(400, 499);
      assertThat(api.writtenRows()).as("nothing written").isEqualTo(rowsBefore);
    }
  }

  private static EntityExchangeResult<String> send(String field, String value, String code) {
    if (field.equals("cancellation.reason")) {
      return api.http
          .post()
          .uri("/api/v1/reservations/{code}/cancellation", code)
          .header("X-Api-Key", ApiTest.CLIENT_A_KEY)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(JSON.writeValueAsString(Map.of("reason", value)))
          .exchange()
          .expectBody(String.class)
          .returnResult();
    }
    Map<String, Map<String, String>> body = new LinkedHashMap<>();
    VALID.forEach(
        (path, valid) -> {
          String[] parts = path.split("\\.");
          String chosen = path.equals(field) ? value : valid;
          body.computeIfAbsent(parts[0], s -> new LinkedHashMap<>()).put(parts[1], chosen);
        });
    if (field.equals("customer.(field name)")) {
      body.get("customer").put(value, "x");
    }
    var request =
        api.http
            .post()
            .uri("/api/v1/reservations")
            .header("X-Api-Key", ApiTest.CLIENT_A_KEY)
            .contentType(MediaType.APPLICATION_JSON);
    if (field.startsWith("header:")) {
      request = request.header(field.substring("header:".length()), headerSafe(value));
    }
    return request
        .bodyValue(JSON.writeValueAsString(body))
        .exchange()
        .expectBody(String.class)
        .returnResult();
  }

  /** Reads the stored reservation back and validates it again as if it were a new request. */
  private static void storedReservationPassesTheValidator(String code) throws SQLException {
    try (Connection c = api.database.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT r.*, c.first_name, c.last_name, c.email, c.phone FROM reservation r"
                    + " JOIN reservation_contact c ON c.reservation_code = r.code WHERE r.code = ?")) {
      s.setString(1, code);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        ReservationRequest stored =
            new ReservationRequest(
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("category_code"),
                rs.getString("supplier_code"),
                rs.getString("pickup_office_code"),
                rs.getObject("pickup_at", java.time.LocalDateTime.class).toString(),
                rs.getString("dropoff_office_code"),
                rs.getObject("dropoff_at", java.time.LocalDateTime.class).toString(),
                rs.getString("payment_method_token"));
        assertThat(new ReservationRequestValidator().validate(stored, catalogue, Instant.now()))
            .as("what was stored for %s passes validation again", code)
            .isInstanceOf(ReservationRequestValidator.Validation.Valid.class);
        for (String text :
            List.of(
                stored.firstName(),
                stored.lastName(),
                stored.email(),
                stored.phone(),
                String.valueOf(rs.getString("idempotency_key")))) {
          assertThat(text).matches(NO_CONTROL).matches(NO_MARKUP);
        }
      }
    }
  }

  private static void storedReasonIsPlainText(String code, String value) throws SQLException {
    // What travels: UTF-8 has no lone surrogates, the client's encoder sends '?' for one.
    String sent =
        new String(
            value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.nio.charset.StandardCharsets.UTF_8);
    try (Connection c = api.database.connect();
        PreparedStatement s =
            c.prepareStatement("SELECT cancellation_reason FROM reservation WHERE code = ?")) {
      s.setString(1, code);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        String reason = rs.getString(1);
        assertThat(visible(reason))
            .isEqualTo(visible(sent.isBlank() ? "cancelled by customer" : sent.strip()));
        assertThat(reason).hasSizeLessThanOrEqualTo(500).matches(NO_CONTROL).matches(NO_MARKUP);
      }
    }
  }

  private static String createValid() {
    return (String)
        api.http
            .post()
            .uri("/api/v1/reservations")
            .header("X-Api-Key", ApiTest.CLIENT_A_KEY)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(ApiTest.VALID_BODY)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("code");
  }

  /** Control and format characters as escapes, so a failure report shows them. */
  private static String visible(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              if (cp < 0x20 || cp > 0x7E) {
                out.append(String.format("\\u%04X", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }

  /**
   * HTTP clients cannot send line breaks, non-ASCII or surrounding white space in a header: keep
   * the rest.
   */
  private static String headerSafe(String value) {
    String ascii = value.replaceAll("[^\\x20-\\x7E\\t]", "?").strip();
    // Request headers past the HTTP server's limit (8 KB in all) are refused by Netty before any
    // application code runs, by closing the connection: not what this property is about.
    ascii = ascii.substring(0, Math.min(ascii.length(), MAX_HEADER_VALUE));
    return ascii.isEmpty() ? "?" : ascii;
  }

  /** The string values of a JSON body (the body itself when it is not JSON). */
  private static List<String> textsOf(String body) {
    Object document;
    try {
      document = JSON.readValue(body, Object.class);
    } catch (RuntimeException notJson) {
      return List.of(body);
    }
    List<String> texts = new ArrayList<>();
    collectTexts(document, texts);
    return texts;
  }

  private static void collectTexts(Object node, List<String> texts) {
    if (node instanceof String text) {
      texts.add(text);
    } else if (node instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            texts.add(String.valueOf(key));
            collectTexts(value, texts);
          });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collectTexts(item, texts));
    }
  }

  @Provide
  Arbitrary<String> fields() {
    return Arbitraries.of(FIELDS);
  }

  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> known =
        Arbitraries.of(
            "' OR '1'='1",
            "Robert'); DROP TABLE reservation;--",
            "\"; DELETE FROM audit_log; --",
            "%' AND SLEEP(5) AND '%'='",
            "\\' UNION SELECT key_hash FROM api_client -- ",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "javascript:alert(1)",
            "${jndi:ldap://example.invalid/a}",
            "{{7*7}}",
            "Ana\u0000",
            "Ana\r\nX-Injected: yes",
            "\u202Eanagram",
            "A\u200Bna",
            "\uFEFFAna",
            "Ана",
            "Ана García",
            "李小龍",
            "محمد",
            "Zoë O'Brien-Smith",
            "D'Artagnan",
            "Ǆemal",
            "A\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301",
            "𝓐𝓷𝓪",
            "😀",
            "\uD800",
            "ＭＡＤ－ＡＩＲＰＯＲＴ",
            "٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢",
            "+34 600 111 222",
            "ana@example.com\n",
            "pm_card_visa'--",
            "2027-03-10T09:30:00Z",
            "+999999999-12-31T23:59:59",
            "2027-02-30T10:00:00",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "",
            "   ",
            "null");
    Arbitrary<String> randomHostile =
        Arbitraries.strings()
            .withChars("'\";-/*\\%_<>&{}()=`$|!#\u0000\u0007\t\n\r\u007F\u0085\u2028\u202E\u200B")
            .withCharRange('a', 'z')
            .withCharRange('\u0400', '\u04FF')
            .ofMinLength(1)
            .ofMaxLength(80);
    Arbitrary<String> decorated =
        Combinators.combine(
                Arbitraries.of(VALID.values().toArray(String[]::new)),
                Arbitraries.of("'", "--", ";", "<b>", "\u0000", "\n", "\u00A0", "é", "́", " "),
                Arbitraries.of(true, false))
            .as((valid, extra, before) -> before ? extra + valid : valid + extra);
    Arbitrary<String> long_ =
        Combinators.combine(
                Arbitraries.of("A", "é", "'", "<", "Ж", "😀"),
                Arbitraries.integers().between(61, 40_000))
            .as((s, n) -> s.repeat(n));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, known),
        net.jqwik.api.Tuple.of(3, randomHostile),
        net.jqwik.api.Tuple.of(3, decorated),
        net.jqwik.api.Tuple.of(1, long_));
  }
}
