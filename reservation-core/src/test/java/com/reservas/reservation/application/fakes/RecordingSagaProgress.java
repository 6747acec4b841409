package com.reservas.reservation.application.fakes;

import com.reservas.reservation.application.port.out.SagaProgress;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.Transition;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what it was told, and how many transactions had committed when it was told. */
public final class RecordingSagaProgress implements SagaProgress {

  private final DirectTransactionRunner transactions;
  private final List<Reservation> created = new CopyOnWriteArrayList<>();
  private final List<Transition.Applied> committed = new CopyOnWriteArrayList<>();
  private final List<Integer> commitsWhenTold = new CopyOnWriteArrayList<>();

  public RecordingSagaProgress(DirectTransactionRunner transactions) {
    this.transactions = transactions;
  }

  @Override
  public void created(Reservation reservation) {
    created.add(reservation);
    commitsWhenTold.add(transactions.committed());
  }

  @Override
  public void committed(Transition.Applied applied) {
    committed.add(applied);
    commitsWhenTold.add(transactions.committed());
  }

  public List<Reservation> created() {
    return List.copyOf(created);
  }

  public List<Transition.Applied> committed() {
    return List.copyOf(committed);
  }

  /** For each report, in order: the number of transactions committed by then. */
  public List<Integer> commitsWhenTold() {
    return List.copyOf(commitsWhenTold);
  }
}
