package com.reservas.consumer.support.loop;

import java.util.List;
import java.util.Objects;

/**
 * What handling one event came to, for logs and tests.
 *
 * @param acted whether the step was carried out (the gateway called)
 * @param reason why, from the decision
 * @param published the types of the events published, in order (empty when nothing was to do)
 */
public record Handled(boolean acted, String reason, List<String> published) {

  /** Validates and copies. */
  public Handled {
    Objects.requireNonNull(reason, "reason");
    published = List.copyOf(published);
  }
}
