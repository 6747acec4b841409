package com.reservas.relay.engine;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A place where the fault-injection suite can make the relay die at an exact moment that a {@code
 * kill -9} from outside would hit only by luck (chaos/README.md). Inert unless the JVM runs with
 * {@code -Dreservas.relay.failpoint=<name>:<n>}: then the n-th time the place is reached the
 * process halts at once, as {@code kill -9} would (no shutdown hooks, no offsets flushed).
 */
final class RelayFailpoint {

  static final String PROPERTY = "reservas.relay.failpoint";

  /**
   * Kafka acknowledged every record of a batch, and the batch is not yet marked processed: its
   * offsets are not committed, so a restarted relay publishes it again.
   */
  static final RelayFailpoint AFTER_ACK = new RelayFailpoint("after-ack");

  private static final Logger log = LoggerFactory.getLogger(RelayFailpoint.class);

  private final String name;
  private final AtomicInteger remaining;

  private RelayFailpoint(String name) {
    this.name = name;
    String armed = System.getProperty(PROPERTY, "");
    this.remaining =
        armed.startsWith(name + ":")
            ? new AtomicInteger(Integer.parseInt(armed.substring(name.length() + 1)))
            : null;
  }

  /** Halts the process the n-th time, when armed; otherwise does nothing. */
  void reached() {
    if (remaining != null && remaining.decrementAndGet() == 0) {
      log.error("Failpoint {} reached: halting the process as kill -9 would", name);
      Runtime.getRuntime().halt(137);
    }
  }
}
