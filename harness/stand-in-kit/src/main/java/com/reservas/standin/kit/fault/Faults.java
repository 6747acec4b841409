package com.reservas.standin.kit.fault;

import java.time.Duration;

/**
 * What a stand-in is told to do wrong: the part every stand-in's fault settings share, which {@link
 * FaultInjector} draws from. Each stand-in's settings record adds its own (where a failure strikes,
 * its validation limits) and keeps its admin JSON.
 *
 * @param <M> the stand-in's failure modes
 */
public interface Faults<M extends InjectedFailure> {

  /** Added to every request of the stand-in's API. */
  Duration latency();

  /** Share of requests, from 0 to 1, that fail as {@link #failureMode()}. */
  double failureRate();

  /** How failing requests fail; may be null only when nothing fails. */
  M failureMode();

  /** How many failures to inject before behaving again; null for no limit. */
  default Integer maxFailures() {
    return null;
  }
}
