package com.reservas.load.integrity;

import java.time.Duration;

/** The broker, if it answers: a probe, or the reason it is not reachable. */
final class TopicSession implements AutoCloseable {

  private final TopicProbe probe;
  private final String error;

  private TopicSession(TopicProbe probe, String error) {
    this.probe = probe;
    this.error = error;
  }

  /**
   * Connects, trying for up to a minute: a broker on a machine the load keeps busy (the chaos
   * scenarios) may miss one request's timeout without being down.
   */
  static TopicSession open(String bootstrapServers) {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    String error;
    do {
      try {
        return new TopicSession(TopicProbe.connect(bootstrapServers), null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new TopicSession(null, "interrupted");
      } catch (Exception e) {
        error = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
    } while (System.nanoTime() < deadline);
    return new TopicSession(null, error);
  }

  boolean reachable() {
    return probe != null;
  }

  TopicProbe probe() {
    return probe;
  }

  String error() {
    return error;
  }

  @Override
  public void close() {
    if (probe != null) {
      probe.close();
    }
  }
}
