package com.reservas.consumer.support.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loop with an in-memory step and outcome port: a step that books rooms by their number. */
class ReservationLoopTest {

  private static final EventSource SOURCE = new EventSource("event-1", "Changed", "00-trace");

  private final List<String> gatewayCalls = new ArrayList<>();
  private final List<String> published = new ArrayList<>();

  /** Books a positive number, skips zero, refuses a negative one; "started" goes out first. */
  private final ReservationStep<Integer, String, String> step =
      new ReservationStep<>() {
        @Override
        public Decision<String> decide(Integer reservation, boolean reminder) {
          if (reservation > 0) {
            return Decision.act("book-" + reservation, reminder ? "asked again" : "new");
          }
          return reservation == 0
              ? Decision.skip("nothing for zero")
              : Decision.refuse("Reservation " + reservation + ": negative");
        }

        @Override
        public void carryOut(Integer reservation, String task, Outcomes<String> outcomes) {
          outcomes.publish("started " + task);
          gatewayCalls.add(task);
          outcomes.publish("booked " + task);
        }
      };

  private final ReservationLoop<Integer, String, String> loop =
      new ReservationLoop<>(
          step,
          (source, outcome) -> {
            published.add(source.eventId() + ": " + outcome);
            return outcome.substring(0, outcome.indexOf(' '));
          });

  @Test
  void anActionableSnapshotIsCarriedOutAndEveryOutcomeIsPublishedInOrderAsTheEventsAnswer() {
    Handled handled = loop.handle(new ReservationEvent<>(SOURCE, 7, true));

    assertThat(gatewayCalls).containsExactly("book-7");
    assertThat(published).containsExactly("event-1: started book-7", "event-1: booked book-7");
    assertThat(handled).isEqualTo(new Handled(true, "asked again", List.of("started", "booked")));
  }

  @Test
  void aSnapshotThatAsksNothingCallsNobodyAndPublishesNothing() {
    Handled handled = loop.handle(new ReservationEvent<>(SOURCE, 0, false));

    assertThat(handled).isEqualTo(new Handled(false, "nothing for zero", List.of()));
    assertThat(gatewayCalls).isEmpty();
    assertThat(published).isEmpty();
  }

  @Test
  void aRefusedSnapshotIsUnprocessableWithTheStepsReasonAndCallsNobody() {
    assertThatThrownBy(() -> loop.handle(new ReservationEvent<>(SOURCE, -1, false)))
        .isExactlyInstanceOf(UnprocessableEventException.class)
        .hasMessage("Reservation -1: negative");
    assertThat(gatewayCalls).isEmpty();
    assertThat(published).isEmpty();
  }

  @Test
  void aFailureToPublishStopsTheStepAndReachesTheCaller() {
    ReservationLoop<Integer, String, String> failing =
        new ReservationLoop<>(
            step,
            (source, outcome) -> {
              throw new IllegalStateException("broker down");
            });

    assertThatThrownBy(() -> failing.handle(new ReservationEvent<>(SOURCE, 7, false)))
        .hasMessage("broker down");
    assertThat(gatewayCalls).isEmpty();
  }
}
