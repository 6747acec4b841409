package com.reservas.load.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.load.webhooks.WebhookTally.Change;
import com.reservas.load.webhooks.WebhookTally.Received;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookTallyTest {

  private static final List<Change> HISTORY =
      List.of(
          new Change("AAAA0001", "CREATED", 1_000),
          new Change("AAAA0001", "PAID", 2_000),
          new Change("BBBB0002", "CREATED", 1_500));

  @Test
  void everyChangeHeardInOrderPassesAndTheLatencyIsArrivalLessChange() {
    Map<String, Object> tally =
        WebhookTally.of(
            List.of(
                new Received("e1", "AAAA0001", "CREATED", 1_000, 1_100, true),
                new Received("e3", "BBBB0002", "CREATED", 1_500, 1_800, true),
                new Received("e2", "AAAA0001", "PAID", 2_000, 2_400, true),
                new Received("e2", "AAAA0001", "PAID", 2_000, 9_000, true)),
            HISTORY);
    assertThat(tally)
        .containsEntry("passed", true)
        .containsEntry("missing", 0)
        .containsEntry("repeats", 1)
        .containsEntry("distinctEvents", 3);
    // The repeat's arrival is not a latency: the first arrival of each event is.
    @SuppressWarnings("unchecked")
    Map<String, Object> latency = (Map<String, Object>) tally.get("changeToReceived");
    assertThat(latency)
        .containsEntry("count", 3)
        .containsEntry("p50Millis", 300L)
        .containsEntry("maxMillis", 400L);
  }

  @Test
  void aMissingChangeAReservationOutOfOrderOrAForgedSignatureFails() {
    assertThat(
            WebhookTally.of(
                List.of(
                    new Received("e1", "AAAA0001", "CREATED", 1_000, 1_100, true),
                    new Received("e2", "AAAA0001", "PAID", 2_000, 2_100, true)),
                HISTORY))
        .containsEntry("missing", 1)
        .containsEntry("missingExamples", List.of("BBBB0002 CREATED"))
        .containsEntry("passed", false);
    assertThat(
            WebhookTally.of(
                List.of(
                    new Received("e2", "AAAA0001", "PAID", 2_000, 2_100, true),
                    new Received("e1", "AAAA0001", "CREATED", 1_000, 2_200, true),
                    new Received("e3", "BBBB0002", "CREATED", 1_500, 1_600, true)),
                HISTORY))
        .containsEntry("reservationsOutOfOrder", 1)
        .containsEntry("passed", false);
    assertThat(
            WebhookTally.of(
                List.of(
                    new Received("e1", "AAAA0001", "CREATED", 1_000, 1_100, true),
                    new Received("e2", "AAAA0001", "PAID", 2_000, 2_100, false),
                    new Received("e3", "BBBB0002", "CREATED", 1_500, 1_600, true)),
                HISTORY))
        .containsEntry("badSignatures", 1)
        .containsEntry("passed", false);
  }
}
