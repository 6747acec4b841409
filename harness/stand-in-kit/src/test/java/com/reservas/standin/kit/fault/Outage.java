package com.reservas.standin.kit.fault;

import java.time.Duration;

/** A stand-in's failure modes and settings as the kit sees them, for testing the kit alone. */
enum Outage implements InjectedFailure {
  HTTP_500,
  TIMEOUT,
  CONNECTION_RESET;

  @Override
  public Kind kind() {
    return switch (this) {
      case HTTP_500 -> Kind.ERROR_ANSWER;
      case TIMEOUT -> Kind.NO_ANSWER;
      case CONNECTION_RESET -> Kind.CONNECTION_RESET;
    };
  }

  record Settings(Duration latency, double failureRate, Outage failureMode, Integer maxFailures)
      implements Faults<Outage> {

    static final Settings NONE = new Settings(Duration.ZERO, 0.0, null, null);

    static Settings failing(Outage mode, double rate) {
      return new Settings(Duration.ZERO, rate, mode, null);
    }

    Settings limitedTo(int failures) {
      return new Settings(latency, failureRate, failureMode, failures);
    }
  }
}
