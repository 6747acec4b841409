package com.reservas.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.reservas.consumer.support.kafka.EventHeaders;
import com.reservas.provider.KafkaTestClients.RelayStandIn;
import com.reservas.provider.KafkaTestClients.TopicRecorder;
import com.reservas.schemas.avro.ExternalCall;
import com.reservas.schemas.avro.ReservationSnapshot;
import com.reservas.schemas.avro.ReservationStatusChanged;
import com.reservas.schemas.avro.SupplierBookingCancelled;
import com.reservas.schemas.avro.SupplierBookingConfirmed;
import com.reservas.schemas.avro.SupplierBookingRejected;
import com.reservas.schemas.avro.SupplierCancellationRefused;
import com.reservas.supplier.simulator.SupplierSimulator;
import com.reservas.supplier.simulator.booking.Booking;
import com.reservas.supplier.simulator.booking.BookingStatus;
import com.reservas.supplier.simulator.fault.FailureMode;
import com.reservas.supplier.simulator.fault.FailurePoint;
import com.reservas.supplier.simulator.fault.FaultSettings;
import com.reservas.testsupport.http.OperatorSurface;
import com.reservas.testsupport.http.RawHttp;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The provider consumer through its real wiring: an embedded Kafka broker (KRaft), the Spring Boot
 * application, and the supplier simulator over HTTP. Retry delays are tiny so that the suite stays
 * short; the policy is the production one.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=provider-consumer",
      "reservas.supplier.call-timeout=2s",
      "reservas.supplier.retry.max-attempts=3",
      "reservas.supplier.retry.initial-backoff=20ms",
      "reservas.supplier.retry.max-backoff=100ms",
      "reservas.supplier.circuit-breaker.sliding-window-size=4",
      "reservas.supplier.circuit-breaker.minimum-number-of-calls=4",
      "reservas.supplier.circuit-breaker.wait-in-open-state=500ms",
      "reservas.supplier.circuit-breaker.permitted-calls-in-half-open-state=1",
      "reservas.consumer.retry.attempts=5",
      "reservas.consumer.retry.initial-delay=200ms",
      "reservas.consumer.retry.max-delay=1600ms",
      "management.server.port=0",
      // every spelling probe from one address earns 401s: the failed-authentication limit is tested
      // in the API
      "reservas.rate-limit.enabled=false",
      "reservas.operator.operations-token=" + SupplierBookingSagaTest.OPERATIONS_TOKEN,
      "reservas.operator.metrics-token=" + SupplierBookingSagaTest.METRICS_TOKEN,
    })
@EmbeddedKafka(
    partitions = 3,
    topics = {"reservations.events", "suppliers.events"},
    bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class SupplierBookingSagaTest {

  static final String OPERATIONS_TOKEN = "operations-credential-of-the-supplier-tests";
  static final String METRICS_TOKEN = "metrics-credential-of-the-supplier-tests-00";
  static final String DEAD_LETTERS = "reservations.events-provider-consumer-dlt";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private static final SupplierSimulator supplier = new SupplierSimulator();
  private static RelayStandIn relay;
  private static TopicRecorder<SpecificRecord> outcomes;
  private static TopicRecorder<Bytes> deadLetters;

  static {
    supplier.start(0);
  }

  @DynamicPropertySource
  static void supplierAddress(DynamicPropertyRegistry registry) {
    registry.add("reservas.supplier.base-url", supplier::baseUrl);
  }

  @Autowired private EmbeddedKafkaBroker broker;
  @Autowired private CircuitBreakerRegistry circuitBreakers;
  @LocalServerPort private int port;

  @Value("${local.management.port:${local.server.port}}")
  private int managementPort;

  @BeforeEach
  void connect() {
    if (relay == null) {
      relay = new RelayStandIn(broker.getBrokersAsString());
      outcomes = TopicRecorder.events(broker.getBrokersAsString(), "suppliers.events");
      deadLetters = TopicRecorder.raw(broker.getBrokersAsString(), DEAD_LETTERS);
    }
    supplier.clearFaults();
    circuitBreakers.circuitBreaker("supplier").reset();
  }

  @AfterAll
  static void disconnect() {
    if (relay != null) {
      relay.close();
      outcomes.close();
      deadLetters.close();
      relay = null;
    }
    supplier.stop();
  }

  @Test
  void aPaidReservationIsBookedAndConfirmedWithTheSupplierReference() {
    String code = Reservations.newCode();
    ReservationStatusChanged paid = ReservationEvents.paid(code, "MAD-AIRPORT");

    relay.publish(code, paid);

    SupplierBookingConfirmed confirmed = awaitOutcome(code, SupplierBookingConfirmed.class);
    Booking booking = supplier.bookingsFor(code).get(0);
    assertThat(confirmed.getBookingReference()).isEqualTo(booking.bookingReference());
    assertThat(confirmed.getSupplierCode()).isEqualTo("IBERCAR");
    assertThat(confirmed.getMetadata().getTraceparent())
        .isEqualTo(paid.getMetadata().getTraceparent());
    assertThat(confirmed.getCalls())
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.getOperation()).isEqualTo("supplier.bookings.create");
              assertThat(call.getRequestId()).isEqualTo(code + "-book");
              assertThat(call.getResponseStatus()).isEqualTo(201);
              assertThat(call.getRequestBody()).contains(code).doesNotContain("Ana", "García");
              assertThat(call.getResponseBody())
                  .contains(booking.bookingReference())
                  .doesNotContain("Ana", "García");
            });
    ConsumerRecord<String, SpecificRecord> record = outcomes.forKey(code).get(0);
    assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo("SupplierBookingConfirmed");
    assertThat(header(record, EventHeaders.EVENT_ID))
        .isEqualTo(confirmed.getMetadata().getEventId());
  }

  @Test
  void threeOverlappingPaidReservationsAtMalagaAirportGetTwoCarsAndOneRejection() {
    List<String> codes = IntStream.range(0, 3).mapToObj(i -> Reservations.newCode()).toList();

    codes.forEach(code -> relay.publish(code, ReservationEvents.paid(code, "AGP-AIRPORT", "CDAR")));

    await()
        .atMost(PATIENCE)
        .until(() -> codes.stream().allMatch(code -> !outcomes.forKey(code).isEmpty()));
    List<SpecificRecord> answers =
        codes.stream().map(code -> outcomes.forKey(code).get(0).value()).toList();
    assertThat(answers).filteredOn(SupplierBookingConfirmed.class::isInstance).hasSize(2);
    assertThat(answers)
        .filteredOn(SupplierBookingRejected.class::isInstance)
        .singleElement()
        .satisfies(
            rejected -> {
              SupplierBookingRejected rejection = (SupplierBookingRejected) rejected;
              assertThat(rejection.getReason()).isEqualTo("NO_AVAILABILITY");
              assertThat(rejection.getCalls())
                  .extracting(ExternalCall::getResponseStatus)
                  .containsExactly(422);
            });
  }

  @Test
  void cancellingAConfirmedReservationCancelsTheBookingAndFreesTheCar() {
    String first = Reservations.newCode();
    String second = Reservations.newCode();
    relay.publish(first, ReservationEvents.paid(first, "AGP-AIRPORT", "ECMN"));
    relay.publish(second, ReservationEvents.paid(second, "AGP-AIRPORT", "ECMN"));
    String reference = awaitOutcome(first, SupplierBookingConfirmed.class).getBookingReference();
    awaitOutcome(second, SupplierBookingConfirmed.class);

    relay.publish(
        first,
        ReservationEvents.cancelledAfterConfirmation(first, "AGP-AIRPORT", "ECMN", reference));

    SupplierBookingCancelled cancelled = awaitOutcome(first, SupplierBookingCancelled.class);
    assertThat(cancelled.getBookingReference()).isEqualTo(reference);
    assertThat(cancelled.getCalls())
        .singleElement()
        .satisfies(call -> assertThat(call.getRequestId()).isEqualTo(first + "-cancel"));
    assertThat(supplier.booking(reference).orElseThrow().status())
        .isEqualTo(BookingStatus.CANCELLED);
    String third = Reservations.newCode();
    relay.publish(third, ReservationEvents.paid(third, "AGP-AIRPORT", "ECMN"));
    awaitOutcome(third, SupplierBookingConfirmed.class);
  }

  @Test
  void serverErrorsOnTheFirstRequestsAreRetriedAndBookOneCar() {
    String code = Reservations.newCode();

    FirstRequestsFail.of(supplier, 2, FaultSettings.failing(FailureMode.HTTP_500))
        .during(
            () -> {
              relay.publish(code, ReservationEvents.paid(code, "MAD-AIRPORT"));
              return awaitOutcome(code, SupplierBookingConfirmed.class);
            });

    SupplierBookingConfirmed confirmed = awaitOutcome(code, SupplierBookingConfirmed.class);
    assertThat(confirmed.getCalls())
        .extracting(ExternalCall::getResponseStatus)
        .startsWith(500, 500)
        .endsWith(201);
    assertThat(supplier.bookingsFor(code)).hasSize(1);
  }

  @Test
  void aReservationCancelledBeforeTheBookingAnswerWasRecordedLearnsWhatTheSupplierDid() {
    String code = Reservations.newCode();
    relay.publish(code, ReservationEvents.paid(code, "MAD-AIRPORT"));
    String reference = awaitOutcome(code, SupplierBookingConfirmed.class).getBookingReference();

    // Expired before the projector recorded the confirmation: the booking is still REQUESTED.
    ReservationSnapshot expired =
        ReservationEvents.snapshot(
            code, "CANCELLED", "AUTHORIZED", "REQUESTED", "MAD-AIRPORT", null);
    relay.publish(code, ReservationEvents.statusChanged("PAID", expired));

    assertConfirmedAgainWithTheSameOneBooking(code, reference);
  }

  /**
   * The supplier forgot its request ids (restart, expiry) but kept its bookings: booking again
   * under the same id would hold a second car. A reminder finds the first booking instead.
   */
  @Test
  void aReminderAfterTheSupplierForgotTheRequestIdFindsTheBookingInsteadOfBookingAnotherCar() {
    String code = Reservations.newCode();
    relay.publish(code, ReservationEvents.paid(code, "MAD-AIRPORT"));
    String reference = awaitOutcome(code, SupplierBookingConfirmed.class).getBookingReference();
    supplier.forgetRequestIds();

    // The projector never recorded the confirmation: the policy re-announces PAID.
    ReservationSnapshot stillPaid =
        ReservationEvents.snapshot(code, "PAID", "AUTHORIZED", "REQUESTED", "MAD-AIRPORT", null);
    relay.publish(code, ReservationEvents.statusChanged("PAID", stillPaid));

    assertConfirmedAgainWithTheSameOneBooking(code, reference);
  }

  /** A second confirmation, naming the first booking, and still one booking at the supplier. */
  private void assertConfirmedAgainWithTheSameOneBooking(String code, String reference) {
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                outcomes.forKey(code).stream()
                        .filter(r -> r.value() instanceof SupplierBookingConfirmed)
                        .count()
                    == 2);
    assertThat(outcomes.forKey(code))
        .extracting(r -> ((SupplierBookingConfirmed) r.value()).getBookingReference())
        .containsExactly(reference, reference);
    assertThat(supplier.bookingsFor(code)).hasSize(1);
  }

  @Test
  void anAnswerLostAfterTheSupplierBookedIsRetriedAndFindsTheSameBooking() {
    String code = Reservations.newCode();
    FaultSettings lostAnswers =
        FaultSettings.failing(FailureMode.CONNECTION_RESET).at(FailurePoint.AFTER_PROCESSING);

    FirstRequestsFail.of(supplier, 1, lostAnswers)
        .during(
            () -> {
              relay.publish(code, ReservationEvents.paid(code, "MAD-AIRPORT"));
              return awaitOutcome(code, SupplierBookingConfirmed.class);
            });

    SupplierBookingConfirmed confirmed = awaitOutcome(code, SupplierBookingConfirmed.class);
    assertThat(confirmed.getCalls())
        .extracting(ExternalCall::getResponseStatus)
        .startsWith(0)
        .endsWith(201);
    assertThat(supplier.bookingsFor(code))
        .singleElement()
        .satisfies(
            booking ->
                assertThat(booking.bookingReference()).isEqualTo(confirmed.getBookingReference()));
  }

  @Test
  void theBreakerOpensWhileTheSupplierIsDownAndClosesAfterItRecoveredWithNothingLost() {
    CircuitBreaker breaker = circuitBreakers.circuitBreaker("supplier");
    List<String> codes = IntStream.range(0, 6).mapToObj(i -> Reservations.newCode()).toList();
    supplier.setFaults(FaultSettings.failing(FailureMode.HTTP_503));

    codes.forEach(code -> relay.publish(code, ReservationEvents.paid(code, "MAD-AIRPORT")));
    await().atMost(PATIENCE).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
    supplier.clearFaults();

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                codes.stream().allMatch(code -> hasOutcome(code, SupplierBookingConfirmed.class)));
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    codes.forEach(code -> assertThat(supplier.bookingsFor(code)).hasSize(1));
    assertThat(deadLetters.matching(record -> codes.contains(record.key()))).isEmpty();
  }

  @Test
  void workThatOutlastsEveryRetryIsADeadLetterAndItsReplayBooksTheCar() {
    String code = Reservations.newCode();
    supplier.setFaults(FaultSettings.failing(FailureMode.HTTP_500));

    relay.publish(code, ReservationEvents.paid(code, "MAD-AIRPORT"));

    await().atMost(PATIENCE).until(() -> !deadLetters.forKey(code).isEmpty());
    ConsumerRecord<String, Bytes> deadLetter = deadLetters.forKey(code).get(0);
    assertThat(header(deadLetter, KafkaHeaders.EXCEPTION_MESSAGE))
        .containsAnyOf("failed after 3 attempt(s)", "circuit breaker is open");
    assertThat(outcomes.forKey(code)).isEmpty();
    assertThat(supplier.bookingsFor(code)).isEmpty();

    supplier.clearFaults();
    circuitBreakers.circuitBreaker("supplier").reset();
    Map<?, ?> replay = replayDeadLetters();

    assertThat((Integer) replay.get("replayed")).isPositive();
    awaitOutcome(code, SupplierBookingConfirmed.class);
    assertThat(supplier.bookingsFor(code)).hasSize(1);
  }

  @Test
  void aRequestTheSupplierRefusesForGoodGoesStraightToTheDeadLetters() {
    String code = Reservations.newCode();
    relay.publish(code, ReservationEvents.paid(code, "MAD-AIRPORT", "CDAR"));
    awaitOutcome(code, SupplierBookingConfirmed.class);
    long attemptsBefore = supplier.stats().bookingAttempts();

    relay.publish(code, ReservationEvents.paid(code, "MAD-AIRPORT", "SFAR"));

    await().atMost(PATIENCE).until(() -> !deadLetters.forKey(code).isEmpty());
    assertThat(header(deadLetters.forKey(code).get(0), KafkaHeaders.EXCEPTION_MESSAGE))
        .contains("409", "REQUEST_ID_REUSED");
    assertThat(supplier.stats().bookingAttempts()).isEqualTo(attemptsBefore + 1);
    assertThat(supplier.bookingsFor(code)).hasSize(1);
  }

  @Test
  void aCancellationTheSupplierRefusesForGoodIsPublishedForAPersonNotDeadLettered() {
    String code = Reservations.newCode();

    // The supplier does not know this booking: cancelling it can never succeed.
    relay.publish(
        code, ReservationEvents.cancelledAfterConfirmation(code, "MAD-AIRPORT", "SBUNKNOWN1"));

    SupplierCancellationRefused refused = awaitOutcome(code, SupplierCancellationRefused.class);
    assertThat(refused.getBookingReference()).isEqualTo("SBUNKNOWN1");
    assertThat(refused.getReason()).contains("404");
    assertThat(refused.getCalls()).extracting(ExternalCall::getResponseStatus).containsOnly(404);
    assertThat(deadLetters.forKey(code)).isEmpty();
  }

  @Test
  void theSameEventDeliveredThreeTimesBooksOneCarAndPublishesOneOutcomeId() {
    String code = Reservations.newCode();
    ReservationStatusChanged paid = ReservationEvents.paid(code, "MAD-AIRPORT");

    relay.publish(code, paid);
    relay.publish(code, paid);
    relay.publish(code, paid);

    await().atMost(PATIENCE).until(() -> outcomes.forKey(code).size() == 3);
    assertThat(supplier.bookingsFor(code)).hasSize(1);
    assertThat(outcomes.forKey(code))
        .extracting(record -> ((SupplierBookingConfirmed) record.value()).getBookingReference())
        .containsOnly(supplier.bookingsFor(code).get(0).bookingReference());
    assertThat(outcomes.forKey(code))
        .extracting(record -> header(record, EventHeaders.EVENT_ID))
        .hasSize(3)
        .containsOnly(header(outcomes.forKey(code).get(0), EventHeaders.EVENT_ID));
  }

  @Test
  void theServiceReportsReadyAndExportsTheBreakerState() {
    WebClient client =
        WebClient.builder()
            .baseUrl("http://localhost:" + managementPort)
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
            .build();

    String readiness =
        client
            .get()
            .uri("/actuator/health/readiness")
            .header("X-Admin-Token", OPERATIONS_TOKEN)
            .retrieve()
            .bodyToMono(String.class)
            .block();
    String metrics =
        client
            .get()
            .uri("/actuator/prometheus")
            .header("Authorization", "Bearer " + METRICS_TOKEN)
            .retrieve()
            .bodyToMono(String.class)
            .block();

    assertThat(readiness).contains("\"status\":\"UP\"").contains("kafkaListeners");
    assertThat(metrics)
        .contains("resilience4j_circuitbreaker_state{")
        .contains("name=\"supplier\"")
        .contains("resilience4j_retry_calls_total{")
        .contains("resilience4j_timelimiter_calls_total{")
        .contains("reservas_consumer_dead_letters_total{")
        .contains("kafka_consumer_fetch_manager_records_lag_max");
  }

  @Test
  void eachDelayHasItsRetryTopicAndTheGroupItsDeadLetterTopic() throws Exception {
    try (AdminClient admin =
        AdminClient.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
      Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);

      assertThat(topics)
          .filteredOn(topic -> topic.startsWith("reservations.events-provider-consumer-"))
          .containsExactlyInAnyOrder(
              "reservations.events-provider-consumer-retry-0",
              "reservations.events-provider-consumer-retry-1",
              "reservations.events-provider-consumer-retry-2",
              "reservations.events-provider-consumer-retry-3",
              DEAD_LETTERS);
    }
  }

  @Test
  void noSpellingOfAnOperatorRouteIsServedWithoutItsCredential() {
    OperatorSurface surface =
        new OperatorSurface(
            new RawHttp("127.0.0.1", port),
            new RawHttp("127.0.0.1", managementPort),
            METRICS_TOKEN,
            OPERATIONS_TOKEN);
    assertThat(
            surface.servedWithoutTheirCredential(
                OperatorSurface.DEAD_LETTER_ROUTES, List.of("/actuator/metrics", "/actuator/info")))
        .as("answers that are not a problem+json refusal")
        .isEmpty();
  }

  private Map<?, ?> replayDeadLetters() {
    return WebClient.create("http://localhost:" + port)
        .post()
        .uri("/admin/dead-letters/replay")
        .header("X-Admin-Token", OPERATIONS_TOKEN)
        .retrieve()
        .bodyToMono(Map.class)
        .block(PATIENCE);
  }

  private static <T extends SpecificRecord> T awaitOutcome(String code, Class<T> type) {
    await().atMost(PATIENCE).until(() -> hasOutcome(code, type));
    return outcomes.forKey(code).stream()
        .map(ConsumerRecord::value)
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow();
  }

  private static boolean hasOutcome(String code, Class<? extends SpecificRecord> type) {
    return outcomes.forKey(code).stream().anyMatch(record -> type.isInstance(record.value()));
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
