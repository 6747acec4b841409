package com.reservas.load.integrity;

/** The broker, if it answers: a probe, or the reason it is not reachable. */
final class TopicSession implements AutoCloseable {

  private final TopicProbe probe;
  private final String error;

  private TopicSession(TopicProbe probe, String error) {
    this.probe = probe;
    this.error = error;
  }

  static TopicSession open(String bootstrapServers) {
    try {
      return new TopicSession(TopicProbe.connect(bootstrapServers), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new TopicSession(null, "interrupted");
    } catch (Exception e) {
      return new TopicSession(null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
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
