package com.reservas.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The transition table in docs/state-machine.md is the one {@link Reservation} implements: the
 * table is rendered here by walking every state reachable from a new reservation with every input
 * (each outcome, the client's cancellation, expiry, a reminder), and the document must hold it
 * unchanged. When the rules change, the failure writes the new table to {@code
 * target/state-machine-table.md}, to be reviewed and pasted into the document.
 */
class StateMachineTableTest {

  private static final Path DOCUMENT = Path.of("..", "docs", "state-machine.md");
  private static final String BEGIN = "<!-- table: rendered by StateMachineTableTest -->";
  private static final String END = "<!-- end of table -->";
  private static final Instant AT = Reservations.NOW.plusSeconds(60);

  /** Every input a reservation can be given, in the order the table lists them. */
  private static final Map<String, BiFunction<Reservation, Instant, Transition>> INPUTS = inputs();

  private static Map<String, BiFunction<Reservation, Instant, Transition>> inputs() {
    Map<String, BiFunction<Reservation, Instant, Transition>> inputs = new LinkedHashMap<>();
    inputs.put("PaymentAuthorizationStarted", outcome(new Outcome.PaymentAuthorizationStarted()));
    inputs.put("PaymentAuthorized", outcome(new Outcome.PaymentAuthorized("pi_1")));
    inputs.put("PaymentDeclined", outcome(new Outcome.PaymentDeclined("card_declined")));
    inputs.put("PaymentFailed", outcome(new Outcome.PaymentFailed("timeout")));
    inputs.put("PaymentCaptured", outcome(new Outcome.PaymentCaptured()));
    inputs.put("PaymentVoided", outcome(new Outcome.PaymentVoided()));
    inputs.put("PaymentRefunded", outcome(new Outcome.PaymentRefunded()));
    inputs.put(
        "PaymentOperationRefused",
        outcome(new Outcome.PaymentOperationRefused("capture", "refused")));
    inputs.put("SupplierConfirmed", outcome(new Outcome.SupplierConfirmed("BK-1")));
    inputs.put("SupplierRejected", outcome(new Outcome.SupplierRejected("no cars")));
    inputs.put("SupplierCancelled", outcome(new Outcome.SupplierCancelled()));
    inputs.put(
        "SupplierCancellationRefused",
        outcome(new Outcome.SupplierCancellationRefused("too late")));
    inputs.put("client cancels", (reservation, at) -> reservation.cancel("client", at));
    inputs.put("expiry", (reservation, at) -> reservation.expire("expired", at));
    inputs.put("reminder", (reservation, at) -> reservation.remind("reminder", at));
    return inputs;
  }

  private static BiFunction<Reservation, Instant, Transition> outcome(Outcome outcome) {
    return (reservation, at) -> reservation.apply(outcome, at);
  }

  @Test
  void theDocumentedTableIsTheOneTheCodeImplements() throws IOException {
    String rendered = render();
    String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
    String documented =
        document.substring(document.indexOf(BEGIN) + BEGIN.length() + 1, document.indexOf(END));

    if (!documented.equals(rendered)) {
      Files.writeString(Path.of("target", "state-machine-table.md"), rendered);
    }
    assertThat(documented)
        .as(
            "docs/state-machine.md; the table the code implements is in target/state-machine-table.md")
        .isEqualTo(rendered);
  }

  @Test
  void everyStateTheTableListsIsReachedAndEveryReservationCanSettle() {
    Map<State, Reservation> states = reachableStates();

    assertThat(states).hasSizeGreaterThan(ReservationStatus.values().length);
    // From every reachable state, some sequence of inputs ends in a settled reservation.
    states.forEach(
        (state, example) -> assertThat(canSettle(example)).as("%s can settle", state).isTrue());
  }

  /** Rows: every state, every input that does something (applies, or is premature). */
  private static String render() {
    StringBuilder table = new StringBuilder();
    table.append("| status | payment | supplier | input | becomes | announces | history row |\n");
    table.append("|---|---|---|---|---|---|---|\n");
    for (Map.Entry<State, Reservation> reachable : reachableStates().entrySet()) {
      State state = reachable.getKey();
      for (Map.Entry<String, BiFunction<Reservation, Instant, Transition>> input :
          INPUTS.entrySet()) {
        Transition transition = input.getValue().apply(reachable.getValue(), AT);
        String row =
            switch (kindOf(transition)) {
              case "applied" -> applied(state, (Transition.Applied) transition);
              case "premature" -> "| premature: retried | — | no |";
              default -> null;
            };
        if (row != null) {
          table
              .append("| ")
              .append(state.status())
              .append(" | ")
              .append(state.payment())
              .append(" | ")
              .append(state.supplier())
              .append(" | ")
              .append(input.getKey())
              .append(' ')
              .append(row)
              .append('\n');
        }
      }
    }
    return table.toString();
  }

  private static String applied(State from, Transition.Applied applied) {
    State to = State.of(applied.reservation());
    String becomes =
        to.equals(from)
            ? "(unchanged)"
            : List.of(
                    change("status", from.status().name(), to.status().name()),
                    change("payment", from.payment().name(), to.payment().name()),
                    change("supplier", from.supplier().name(), to.supplier().name()))
                .stream()
                .filter(part -> !part.isEmpty())
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    String announces =
        applied.events().stream()
            .map(event -> event.getClass().getSimpleName())
            .reduce((a, b) -> a + ", " + b)
            .orElse("—");
    return "| "
        + becomes
        + " | "
        + announces
        + " | "
        + (applied.historyEntry().isPresent() ? "yes" : "no")
        + " |";
  }

  private static String change(String part, String from, String to) {
    return from.equals(to) ? "" : part + " " + to;
  }

  private static String kindOf(Transition transition) {
    if (transition instanceof Transition.Applied) {
      return "applied";
    }
    if (transition instanceof Transition.Premature) {
      return "premature";
    }
    return "nothing";
  }

  /** Breadth first from a new reservation, in a stable order. */
  private static Map<State, Reservation> reachableStates() {
    Map<State, Reservation> seen = new LinkedHashMap<>();
    Deque<Reservation> queue = new ArrayDeque<>();
    Reservation start = Reservations.created();
    seen.put(State.of(start), start);
    queue.add(start);
    while (!queue.isEmpty()) {
      Reservation current = queue.poll();
      for (BiFunction<Reservation, Instant, Transition> input : INPUTS.values()) {
        if (input.apply(current, AT) instanceof Transition.Applied applied) {
          State next = State.of(applied.reservation());
          if (!seen.containsKey(next)) {
            seen.put(next, applied.reservation());
            queue.add(applied.reservation());
          }
        }
      }
    }
    return seen;
  }

  private static boolean canSettle(Reservation start) {
    Set<State> visited = new LinkedHashSet<>();
    Deque<Reservation> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      Reservation current = queue.poll();
      if (current.isSettled() && !current.awaitsOutcome()) {
        return true;
      }
      if (!visited.add(State.of(current))) {
        continue;
      }
      for (BiFunction<Reservation, Instant, Transition> input : INPUTS.values()) {
        if (input.apply(current, AT) instanceof Transition.Applied applied) {
          queue.add(applied.reservation());
        }
      }
    }
    return false;
  }

  /** The part of a reservation the rules read. */
  private record State(ReservationStatus status, PaymentStatus payment, SupplierStatus supplier) {

    static State of(Reservation reservation) {
      return new State(
          reservation.status(), reservation.paymentStatus(), reservation.supplierStatus());
    }
  }
}
