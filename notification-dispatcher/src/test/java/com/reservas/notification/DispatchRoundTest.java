package com.reservas.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.notification.application.DispatchDueDeliveries;
import com.reservas.reservation.application.port.out.WebhookDeliveryStore;
import com.reservas.reservation.application.port.out.WebhookDeliveryStore.Delivery;
import com.reservas.reservation.application.port.out.WebhookEndpointStore;
import com.reservas.reservation.domain.webhook.WebhookEndpoint;
import com.reservas.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One round of sending, run by the test (the poller's first round is an hour away): a reservation's
 * changes recorded together go out in that round, in order, and a failure ends its queue's round
 * without holding back another reservation's.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=" + NotificationDispatcherApplication.CONFIG_NAME,
      "spring.flyway.enabled=true",
      "spring.flyway.user=root",
      "spring.flyway.password=",
      "management.server.port=0",
      "reservas.notifications.poll-interval=1h",
      "reservas.notifications.timeout=2s",
    })
@ActiveProfiles("local")
@EmbeddedKafka(
    partitions = 1,
    topics = "reservations.events",
    bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class DispatchRoundTest {

  private static final TestDatabase DATABASE = TestDatabase.create();
  private static final Duration ROUND = Duration.ofSeconds(30);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.r2dbc.url", DATABASE::r2dbcUrl);
    registry.add("spring.flyway.url", DATABASE::jdbcUrl);
  }

  @Autowired WebhookEndpointStore endpoints;
  @Autowired WebhookDeliveryStore deliveries;
  @Autowired DispatchDueDeliveries dispatch;

  @Test
  void aReservationsChangesRecordedTogetherGoOutInOneRoundInOrder() {
    try (Receiver receiver = new Receiver()) {
      String endpoint = register("client-a", receiver.url());
      List<String> statuses = List.of("CREATED", "PAYMENT_IN_PROGRESS", "PAID", "CONFIRMED");
      for (int v = statuses.size() - 1; v >= 0; v--) {
        schedule(endpoint, "RND00001", v + 1, statuses.get(v));
      }
      schedule(endpoint, "RND00002", 1, "CREATED");

      Long attempts = dispatch.runOnce().block(ROUND);

      assertThat(receiver.about("RND00001"))
          .extracting(r -> r.body().replaceAll(".*\"status\":\"([A-Z_]+)\".*", "$1"))
          .containsExactlyElementsOf(statuses);
      assertThat(receiver.about("RND00002")).hasSize(1);
      assertThat(attempts).isEqualTo(5);
      assertThat(dispatch.runOnce().block(ROUND)).as("nothing left").isZero();
    }
  }

  @Test
  void aFailureEndsItsQueuesRoundAndTheChangesAfterItWait() {
    try (Receiver receiver = new Receiver()) {
      String endpoint = register("client-b", receiver.url());
      schedule(endpoint, "RND00003", 1, "CREATED");
      schedule(endpoint, "RND00003", 2, "PAYMENT_IN_PROGRESS");
      schedule(endpoint, "RND00003", 3, "PAID");
      schedule(endpoint, "RND00004", 1, "CREATED");
      receiver.answer(body -> body.contains("PAYMENT_IN_PROGRESS") ? 503 : 200);

      Long attempts = dispatch.runOnce().block(ROUND);

      assertThat(receiver.about("RND00003"))
          .extracting(r -> r.body().replaceAll(".*\"status\":\"([A-Z_]+)\".*", "$1"))
          .as("PAID waits for the failed PAYMENT_IN_PROGRESS")
          .containsExactly("CREATED", "PAYMENT_IN_PROGRESS");
      assertThat(receiver.about("RND00004")).as("another reservation is not held back").hasSize(1);
      assertThat(attempts).isEqualTo(3);
    }
  }

  private String register(String client, String url) {
    WebhookEndpoint endpoint =
        new WebhookEndpoint(
            UUID.randomUUID().toString(),
            client,
            url,
            List.of("reservation.status_changed"),
            true,
            Instant.now().truncatedTo(ChronoUnit.MICROS));
    assertThat(endpoints.insert(endpoint, "whsec_round-test-secret-" + client, 10).block())
        .isTrue();
    return endpoint.id();
  }

  private void schedule(String endpoint, String code, long sequence, String status) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String eventId = UUID.randomUUID().toString();
    deliveries
        .schedule(
            new Delivery(
                endpoint,
                eventId,
                code,
                sequence,
                "{\"id\":\""
                    + eventId
                    + "\",\"data\":{\"code\":\""
                    + code
                    + "\",\"status\":\""
                    + status
                    + "\"}}",
                0,
                now,
                now))
        .block(ROUND);
  }
}
