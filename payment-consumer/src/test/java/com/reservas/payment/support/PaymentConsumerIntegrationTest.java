package com.reservas.payment.support;

import static org.awaitility.Awaitility.await;

import com.reservas.consumer.support.kafka.EventHeaders;
import com.reservas.payment.PaymentConsumerApplication;
import com.reservas.schemas.avro.ReservationCancelled;
import com.reservas.schemas.avro.ReservationCreated;
import com.reservas.schemas.avro.ReservationStatusChanged;
import com.reservas.schemas.registry.InMemorySchemaRegistry;
import com.reservas.schemas.serde.AvroEventSerializer;
import com.reservas.stripe.standin.StripeStandIn;
import com.reservas.testsupport.seal.TestTokenSeal;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real service on real components: an embedded Kafka broker (KRaft), the Stripe stand-in over
 * HTTP, stripe-java, resilience4j. Delays are tiny so the suite stays fast; the retry-topic window
 * can be widened with {@code -Dreservas.test.retry.*} for the long outage measurement. Every
 * subclass shares one Spring context, broker and stand-in.
 */
@SpringBootTest(
    classes = PaymentConsumerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=payment-consumer",
      "reservas.consumer.retry.multiplier=2",
      "reservas.consumer.retry.topic-partitions=3",
      "reservas.operator.operations-token=" + PaymentConsumerIntegrationTest.OPERATIONS_TOKEN,
      "reservas.operator.metrics-token=" + PaymentConsumerIntegrationTest.METRICS_TOKEN,
      "reservas.stripe.secret-key=sk_test_local",
      TestTokenSeal.PROPERTY,
      "reservas.stripe.connect-timeout=500ms",
      "reservas.stripe.read-timeout=300ms",
      "resilience4j.timelimiter.instances.stripe.timeout-duration=500ms",
      "resilience4j.retry.instances.stripe.max-attempts=3",
      "resilience4j.retry.instances.stripe.wait-duration=20ms",
      "resilience4j.retry.instances.stripe.exponential-max-wait-duration=100ms",
      "resilience4j.circuitbreaker.instances.stripe.sliding-window-size=10",
      "resilience4j.circuitbreaker.instances.stripe.minimum-number-of-calls=4",
      "resilience4j.circuitbreaker.instances.stripe.wait-duration-in-open-state=1s",
      "resilience4j.circuitbreaker.instances.stripe.permitted-number-of-calls-in-half-open-state=2",
      "spring.kafka.listener.concurrency=3",
      "spring.kafka.listener.poll-timeout=100ms",
      "management.server.port=0",
      // every spelling probe from one address earns 401s: the failed-authentication limit is tested
      // in the API
      "reservas.rate-limit.enabled=false",
    })
@EmbeddedKafka(
    partitions = 3,
    topics = {"reservations.events", "payments.events"},
    bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class PaymentConsumerIntegrationTest {

  /** The operations credential (dead-letter replay, health details). */
  public static final String OPERATIONS_TOKEN = "operations-credential-of-the-payment-tests";

  /** The metrics credential (Prometheus scraping). */
  public static final String METRICS_TOKEN = "metrics-credential-of-the-payment-tests-0";

  public static final String INPUT = "reservations.events";
  public static final String OUTCOMES = "payments.events";
  public static final String DLT = "reservations.events-payment-consumer-dlt";
  public static final Duration WAIT = Duration.ofSeconds(30);

  /** One stand-in for the JVM; TIMEOUT faults hold a request for 2 s. */
  protected static final StripeStandIn STRIPE = startStandIn();

  private static final Map<String, KafkaProducer<String, SpecificRecord>> PRODUCERS =
      new ConcurrentHashMap<>();

  /**
   * This context's broker. Not the {@code spring.kafka.bootstrap-servers} property: each embedded
   * broker writes it as a system property, so once a subclass with settings of its own started a
   * second context, the property names that one's broker.
   */
  @Autowired private EmbeddedKafkaBroker broker;

  protected String bootstrapServers;

  @LocalServerPort protected int port;

  /** The actuator's port: the management port when there is one. */
  @Value("${local.management.port:${local.server.port}}")
  protected int managementPort;

  @Autowired protected CircuitBreakerRegistry circuitBreakers;

  protected KafkaTopics topics;

  private static StripeStandIn startStandIn() {
    StripeStandIn standIn = new StripeStandIn(Duration.ofSeconds(2));
    standIn.start(0);
    Runtime.getRuntime().addShutdownHook(new Thread(standIn::stop));
    return standIn;
  }

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    registry.add("reservas.stripe.api-base", STRIPE::baseUrl);
    registry.add("reservas.consumer.retry.attempts", () -> setting("attempts", "12"));
    registry.add("reservas.consumer.retry.initial-delay", () -> setting("initial-delay", "100ms"));
    registry.add("reservas.consumer.retry.max-delay", () -> setting("max-delay", "1s"));
  }

  private static String setting(String name, String defaultValue) {
    return System.getProperty("reservas.test.retry." + name, defaultValue);
  }

  /**
   * One producer per broker: a subclass with settings of its own gets a Spring context, and so an
   * embedded broker, of its own.
   */
  private static KafkaProducer<String, SpecificRecord> producerFor(String servers) {
    return PRODUCERS.computeIfAbsent(
        servers,
        bootstrap ->
            new KafkaProducer<>(
                Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrap,
                    ProducerConfig.LINGER_MS_CONFIG,
                    0),
                new StringSerializer(),
                new AvroEventSerializer(new InMemorySchemaRegistry())));
  }

  @AfterAll
  static void keepProducers() {
    // shared by every test class of the JVM; closed with it
  }

  @BeforeEach
  void cleanSlate() {
    bootstrapServers = broker.getBrokersAsString();
    topics = new KafkaTopics(bootstrapServers);
    STRIPE.clearFaults();
    stripeBreaker().reset();
  }

  protected CircuitBreaker stripeBreaker() {
    return circuitBreakers.circuitBreaker("stripe");
  }

  /** Publishes a reservation event as the relay does: key = code, id/type/trace headers. */
  protected Future<RecordMetadata> publish(SpecificRecord event) {
    String code;
    String eventId;
    String type = event.getSchema().getName();
    if (event instanceof ReservationCreated created) {
      code = created.getReservation().getCode();
      eventId = created.getMetadata().getEventId();
    } else if (event instanceof ReservationStatusChanged changed) {
      code = changed.getReservation().getCode();
      eventId = changed.getMetadata().getEventId();
    } else if (event instanceof ReservationCancelled cancelled) {
      code = cancelled.getReservation().getCode();
      eventId = cancelled.getMetadata().getEventId();
    } else {
      throw new IllegalArgumentException("not a reservation event: " + type);
    }
    ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(INPUT, code, event);
    record.headers().add(EventHeaders.EVENT_ID, utf8(eventId));
    record.headers().add(EventHeaders.EVENT_TYPE, utf8(type));
    record.headers().add(EventHeaders.TRACEPARENT, utf8(ReservationEvents.TRACEPARENT));
    return producerFor(bootstrapServers).send(record);
  }

  /** {@link #publish} and wait for the broker. */
  protected void send(SpecificRecord event) {
    try {
      publish(event).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The payment events of {@code code}, in order. */
  protected List<SpecificRecord> outcomes(String code) {
    return topics.events(OUTCOMES, code);
  }

  /** Waits until the payment events of {@code code} satisfy {@code condition}; returns them. */
  protected List<SpecificRecord> awaitOutcomes(
      String code, Predicate<List<SpecificRecord>> condition) {
    return await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> outcomes(code), condition);
  }

  /** Waits for the first payment event of {@code type} for {@code code}. */
  protected <T extends SpecificRecord> T awaitOutcome(String code, Class<T> type) {
    List<SpecificRecord> events =
        awaitOutcomes(code, list -> list.stream().anyMatch(type::isInstance));
    return events.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }

  protected static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
