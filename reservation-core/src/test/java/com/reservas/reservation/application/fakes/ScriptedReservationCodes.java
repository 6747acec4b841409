package com.reservas.reservation.application.fakes;

import com.reservas.reservation.application.port.out.ReservationCodeGenerator;
import com.reservas.reservation.domain.ReservationCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Stands in for {@code SecureRandomReservationCodes}: draws the scripted codes first (to force
 * collisions), then distinct predictable ones ({@code Z0000001}, {@code Z0000002}, ...). Remembers
 * every draw.
 */
public final class ScriptedReservationCodes implements ReservationCodeGenerator {

  private final Deque<String> scripted;
  private final List<ReservationCode> drawn = new ArrayList<>();
  private int sequence;

  public ScriptedReservationCodes(String... scripted) {
    this.scripted = new ArrayDeque<>(List.of(scripted));
  }

  @Override
  public synchronized ReservationCode next() {
    String value = scripted.isEmpty() ? "Z%07d".formatted(++sequence) : scripted.pop();
    ReservationCode code = new ReservationCode(value);
    drawn.add(code);
    return code;
  }

  public synchronized List<ReservationCode> drawn() {
    return List.copyOf(drawn);
  }
}
