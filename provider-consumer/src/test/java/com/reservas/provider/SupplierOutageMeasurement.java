package com.reservas.provider;

import static org.awaitility.Awaitility.await;

import com.reservas.consumer.support.deadletter.DeadLetterReplayer;
import com.reservas.consumer.support.deadletter.ReplayResult;
import com.reservas.provider.KafkaTestClients.RelayStandIn;
import com.reservas.provider.KafkaTestClients.TopicRecorder;
import com.reservas.schemas.avro.SupplierBookingConfirmed;
import com.reservas.supplier.simulator.SupplierSimulator;
import com.reservas.supplier.simulator.fault.FailureMode;
import com.reservas.supplier.simulator.fault.FaultSettings;
import com.reservas.supplier.simulator.fleet.FleetSizing;
import com.reservas.supplier.simulator.stats.SupplierStats;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Measurements, not tests: prints numbers and asserts nothing. Not part of the build's test run
 * (the name does not end in Test); run it on its own:
 *
 * <pre>
 * ./mvnw -pl provider-consumer verify -Dtest=SupplierOutageMeasurement -Dsurefire.failIfNoSpecifiedTests=false \
 *     [-Dmeasure.events=500] [-Dmeasure.outage.seconds=60] [-Dmeasure.outage.rate=2] [-Dmeasure.outage.mode=HTTP_503]
 * </pre>
 *
 * The application runs with its production policy ({@code application.yml}: 3 attempts in process,
 * breaker 50 % of 20 / 10 s open, retry topics 1 s … 30 s over 8 deliveries) against an embedded
 * broker and the simulator (every office generous, so only the outage matters).
 */
@SpringBootTest(
    properties = {
      "spring.config.name=provider-consumer",
      "reservas.operator.operations-token=operations-credential-of-the-measurement",
      "management.server.port=0",
      "logging.level.com.reservas=WARN"
    })
@EmbeddedKafka(
    partitions = 3,
    topics = {"reservations.events", "suppliers.events"},
    bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupplierOutageMeasurement {

  private static final int EVENTS = Integer.getInteger("measure.events", 500);
  private static final int OUTAGE_SECONDS = Integer.getInteger("measure.outage.seconds", 60);
  private static final int OUTAGE_RATE = Integer.getInteger("measure.outage.rate", 2);
  private static final FailureMode OUTAGE_MODE =
      FailureMode.valueOf(System.getProperty("measure.outage.mode", "HTTP_503"));

  private static final SupplierSimulator supplier =
      new SupplierSimulator(FleetSizing.standard().withDefaultSize(1_000_000));
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
  @Autowired private DeadLetterReplayer deadLetterReplayer;

  @BeforeEach
  void connect() {
    if (relay == null) {
      relay = new RelayStandIn(broker.getBrokersAsString());
      outcomes = TopicRecorder.events(broker.getBrokersAsString(), "suppliers.events");
      deadLetters =
          TopicRecorder.raw(
              broker.getBrokersAsString(), "reservations.events-provider-consumer-dlt");
    }
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
  @Order(1)
  void throughputOfPaidSnapshots() {
    warmUp();
    List<String> codes = IntStream.range(0, EVENTS).mapToObj(i -> Reservations.newCode()).toList();
    long attemptsBefore = supplier.stats().bookingAttempts();

    long started = System.nanoTime();
    codes.forEach(code -> relay.publishAsync(code, ReservationEvents.paid(code, "MAD-AIRPORT")));
    relay.flush();
    long published = System.nanoTime();
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> codes.stream().allMatch(code -> !outcomes.forKey(code).isEmpty()));
    long finished = System.nanoTime();

    double seconds = (finished - started) / 1e9;
    long confirmed =
        codes.stream()
            .filter(
                code -> outcomes.forKey(code).get(0).value() instanceof SupplierBookingConfirmed)
            .count();
    System.out.printf(
        "%n=== MEASUREMENT throughput: %d PAID snapshots -> %d SupplierBookingConfirmed in %.2f s"
            + " = %.0f events/s (publishing took %.2f s; %d supplier calls; listener concurrency"
            + " 3, 3 partitions; %d cores) ===%n%n",
        EVENTS,
        confirmed,
        seconds,
        EVENTS / seconds,
        (published - started) / 1e9,
        supplier.stats().bookingAttempts() - attemptsBefore,
        Runtime.getRuntime().availableProcessors());
  }

  @Test
  @Order(3)
  void theTopicsOfTheProductionPolicy() throws Exception {
    try (AdminClient admin =
        AdminClient.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
      System.out.printf(
          "%n=== MEASUREMENT topics: %s ===%n%n",
          new java.util.TreeSet<>(admin.listTopics().names().get(10, TimeUnit.SECONDS)));
    }
  }

  @Test
  @Order(2)
  void aSupplierOutageWhileReservationsArrive() throws InterruptedException {
    circuitBreakers.circuitBreaker("supplier").reset();
    SupplierStats before = supplier.stats();
    Map<String, Long> publishedAt = new ConcurrentHashMap<>();
    int count = OUTAGE_SECONDS * OUTAGE_RATE;
    long periodMillis = 1000L / OUTAGE_RATE;

    long outageStart = System.currentTimeMillis();
    supplier.setFaults(FaultSettings.failing(OUTAGE_MODE));
    for (int i = 0; i < count; i++) {
      String code = Reservations.newCode();
      publishedAt.put(code, System.currentTimeMillis());
      relay.publish(code, ReservationEvents.paid(code, "MAD-AIRPORT"));
      long next = outageStart + (i + 1) * periodMillis;
      Thread.sleep(Math.max(0, next - System.currentTimeMillis()));
    }
    long remaining = outageStart + OUTAGE_SECONDS * 1000L - System.currentTimeMillis();
    Thread.sleep(Math.max(0, remaining));
    long recovered = System.currentTimeMillis();
    supplier.clearFaults();
    int doneAtRecovery = completed(publishedAt.keySet());

    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> completed(publishedAt.keySet()) + deadLettered(publishedAt.keySet()) == count);
    long settled = System.currentTimeMillis();

    List<Long> waits = new ArrayList<>();
    long lastOutcome = 0;
    int doubleBooked = 0;
    for (Map.Entry<String, Long> reservation : publishedAt.entrySet()) {
      List<ConsumerRecord<String, SpecificRecord>> answers = outcomes.forKey(reservation.getKey());
      if (!answers.isEmpty()) {
        long at = answers.get(0).timestamp();
        waits.add(at - reservation.getValue());
        lastOutcome = Math.max(lastOutcome, at);
      }
      if (supplier.bookingsFor(reservation.getKey()).size() > 1) {
        doubleBooked++;
      }
    }
    Collections.sort(waits);
    int done = completed(publishedAt.keySet());
    int dead = deadLettered(publishedAt.keySet());
    SupplierStats after = supplier.stats();
    System.out.printf(
        "%n=== MEASUREMENT supplier outage: %s on 100%% of requests for %d s, %d reservations"
            + " arriving during it (%d/s) ===%n"
            + "  completed: %d (confirmed), dead-lettered: %d, lost: %d, double-booked: %d%n"
            + "  completed before recovery: %d; all settled %.1f s after recovery (last outcome"
            + " %.1f s after)%n"
            + "  wait from publication to outcome: min %.1f s, median %.1f s, p95 %.1f s, max %.1f s%n"
            + "  supplier: %d booking requests (%d failed by the outage), %d bookings made%n%n",
        OUTAGE_MODE,
        OUTAGE_SECONDS,
        count,
        OUTAGE_RATE,
        done,
        dead,
        count - done - dead,
        doubleBooked,
        doneAtRecovery,
        (settled - recovered) / 1000.0,
        (lastOutcome - recovered) / 1000.0,
        percentile(waits, 0) / 1000.0,
        percentile(waits, 50) / 1000.0,
        percentile(waits, 95) / 1000.0,
        percentile(waits, 100) / 1000.0,
        after.bookingAttempts() - before.bookingAttempts(),
        after.faultsInjected() - before.faultsInjected(),
        after.bookingsMade() - before.bookingsMade());

    if (dead > 0) {
      ReplayResult replay = deadLetterReplayer.replay(10_000);
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> completed(publishedAt.keySet()) == count);
      System.out.printf(
          "%n=== MEASUREMENT after replaying %d dead letters: %d / %d completed, %d bookings made"
              + " in all for them ===%n%n",
          replay.replayed(),
          completed(publishedAt.keySet()),
          count,
          publishedAt.keySet().stream().mapToInt(code -> supplier.bookingsFor(code).size()).sum());
    }
  }

  private void warmUp() {
    List<String> codes = IntStream.range(0, 50).mapToObj(i -> Reservations.newCode()).toList();
    codes.forEach(code -> relay.publishAsync(code, ReservationEvents.paid(code, "BCN-AIRPORT")));
    relay.flush();
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> codes.stream().allMatch(code -> !outcomes.forKey(code).isEmpty()));
  }

  private static int completed(java.util.Collection<String> codes) {
    return (int) codes.stream().filter(code -> !outcomes.forKey(code).isEmpty()).count();
  }

  private static int deadLettered(java.util.Collection<String> codes) {
    return (int)
        codes.stream()
            .filter(code -> outcomes.forKey(code).isEmpty() && !deadLetters.forKey(code).isEmpty())
            .count();
  }

  private static long percentile(List<Long> sorted, int percent) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
