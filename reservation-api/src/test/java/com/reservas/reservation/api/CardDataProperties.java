package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.privacy.CardNumbers;
import com.reservas.testsupport.cards.CardNumberRenderings;
import com.reservas.testsupport.cards.CardNumberRenderings.Rendering;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * PCI DSS against the running API, with card numbers written to dodge a filter: Luhn-valid 13–19
 * digits cut by random separators, digits in random scripts (full-width, Arabic-Indic...). In every
 * free-text field — names, e-mail, phone, payment token, cancellation reason, {@code
 * Idempotency-Key} — the request is refused with 422, nothing is written, and the number appears
 * neither in the answer nor in the log (written at DEBUG, request bodies included).
 */
class CardDataProperties {

  private static final List<String> BODY_FIELDS =
      List.of(
          "customer.firstName",
          "customer.lastName",
          "customer.email",
          "customer.phone",
          "payment.paymentMethodToken");

  private static RunningApi api;
  private static String cancellable;
  private static final PrintStream CONSOLE = System.out;
  private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  private static final Pattern TRACE_IDS = Pattern.compile("\\[[0-9a-f]{32}-[0-9a-f]{16}\\]");

  @BeforeContainer
  static void start() {
    api =
        new RunningApi(
            Map.of(
                "logging.level.org.springframework.web", "DEBUG",
                "logging.level.org.springframework.http", "DEBUG",
                "logging.level.org.springframework.core.codec", "DEBUG",
                "logging.level.com.reservas", "DEBUG"));
    cancellable = create(ApiTest.VALID_BODY, Map.of()).getResponseBody();
    cancellable = cancellable.replaceAll(".*\"code\":\"([A-Z0-9]{8})\".*", "$1");
    System.setOut(new PrintStream(new Tee(CONSOLE, LOG), true, StandardCharsets.UTF_8));
  }

  @AfterContainer
  static void stop() {
    System.setOut(CONSOLE);
    api.close();
  }

  @Property(tries = 150)
  void aCardNumberInAnyBodyFieldIsRefusedAndNeverStoredLoggedOrEchoed(
      @ForAll("bodyFields") String field, @ForAll("anyScript") Rendering card) {
    String text = field.equals("customer.email") ? card.text() + "@example.com" : card.text();
    Map<String, Map<String, String>> body = validBody();
    String[] path = field.split("\\.");
    body.get(path[0]).put(path[1], text);

    assertRefusedAndGone(
        card, () -> create(JsonMapper.builder().build().writeValueAsString(body), Map.of()));
  }

  @Property(tries = 100)
  void aCardNumberInACancellationReasonIsRefusedAndNeverStoredLoggedOrEchoed(
      @ForAll("anyScript") Rendering card) {
    assertRefusedAndGone(
        card,
        () ->
            api.http
                .post()
                .uri("/api/v1/reservations/{code}/cancellation", cancellable)
                .header("X-Api-Key", ApiTest.CLIENT_A_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                    JsonMapper.builder()
                        .build()
                        .writeValueAsString(Map.of("reason", "card " + card.text())))
                .exchange()
                .expectBody(String.class)
                .returnResult());
  }

  @Property(tries = 100)
  void aCardNumberInTheIdempotencyKeyIsRefusedAndNeverStoredLoggedOrEchoed(
      @ForAll("ascii") Rendering card) {
    assertRefusedAndGone(
        card, () -> create(ApiTest.VALID_BODY, Map.of("Idempotency-Key", "k-" + card.text())));
  }

  private static void assertRefusedAndGone(
      Rendering card, java.util.function.Supplier<EntityExchangeResult<String>> request) {
    long rows = api.writtenRows();
    String cancellationReasons =
        String.valueOf(
            api.query("SELECT COUNT(*) FROM reservation WHERE cancellation_reason IS NOT NULL"));
    LOG.reset();

    EntityExchangeResult<String> answer = request.get();

    assertThat(answer.getStatus().value()).as(card.toString()).isEqualTo(422);
    assertThat(answer.getResponseBody()).contains("must not contain card data");
    assertThat(CardNumbers.contains(answer.getResponseBody())).as("echoed").isFalse();
    assertThat(api.writtenRows()).as("stored").isEqualTo(rows);
    assertThat(
            String.valueOf(
                api.query(
                    "SELECT COUNT(*) FROM reservation WHERE cancellation_reason IS NOT NULL")))
        .isEqualTo(cancellationReasons);
    // Trace and span ids (random hex the platform makes, in every line) may hold a Luhn-valid run
    // of digits by chance; they are not the client's data.
    String log = TRACE_IDS.matcher(LOG.toString(StandardCharsets.UTF_8)).replaceAll("[trace-span]");
    assertThat(CardNumbers.contains(log)).as("logged: %s", log).isFalse();
    assertThat(log).doesNotContain(card.text()).doesNotContain(card.digits());
  }

  private static EntityExchangeResult<String> create(String body, Map<String, String> headers) {
    var request =
        api.http
            .post()
            .uri("/api/v1/reservations")
            .header("X-Api-Key", ApiTest.CLIENT_A_KEY)
            .contentType(MediaType.APPLICATION_JSON);
    for (Map.Entry<String, String> header : headers.entrySet()) {
      request = request.header(header.getKey(), header.getValue());
    }
    return request.bodyValue(body).exchange().expectBody(String.class).returnResult();
  }

  private static Map<String, Map<String, String>> validBody() {
    Map<String, Map<String, String>> body = new LinkedHashMap<>();
    body.put(
        "customer",
        new LinkedHashMap<>(
            Map.of(
                "firstName",
                "Ana",
                "lastName",
                "García Núñez",
                "email",
                "ana@example.com",
                "phone",
                "+34600111222")));
    body.put(
        "vehicle", new LinkedHashMap<>(Map.of("categoryCode", "CDAR", "supplierCode", "IBERCAR")));
    body.put(
        "pickup",
        new LinkedHashMap<>(Map.of("officeCode", "MAD-AIRPORT", "at", "2027-03-10T09:30:00")));
    body.put(
        "dropoff",
        new LinkedHashMap<>(Map.of("officeCode", "BCN-AIRPORT", "at", "2027-03-14T18:00:00")));
    body.put("payment", new LinkedHashMap<>(Map.of("paymentMethodToken", "pm_card_visa")));
    return body;
  }

  @Provide
  Arbitrary<String> bodyFields() {
    return Arbitraries.of(BODY_FIELDS);
  }

  @Provide
  Arbitrary<Rendering> anyScript() {
    return CardNumberRenderings.anyScript();
  }

  @Provide
  Arbitrary<Rendering> ascii() {
    return CardNumberRenderings.ascii();
  }

  /** Writes to the console and keeps a copy. */
  private static final class Tee extends java.io.OutputStream {
    private final PrintStream console;
    private final ByteArrayOutputStream copy;

    Tee(PrintStream console, ByteArrayOutputStream copy) {
      this.console = console;
      this.copy = copy;
    }

    @Override
    public synchronized void write(int b) {
      console.write(b);
      copy.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      console.write(b, off, len);
      copy.write(b, off, len);
    }
  }
}
