package com.reservas.starter.tracing;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Work done in the thread locals a Reactor context carries: the observation of the request or
 * record (its span, and the trace ids Spring Boot's log correlation writes in every line). The
 * services leave {@code spring.reactor.context-propagation} at {@code limited}: Reactor does not
 * restore thread locals around every operator, which cost about a fifth of the platform's CPU
 * (docs/performance.md), so the few places that log or start an observation on a thread of their
 * own restore them here.
 */
public final class ContextThreadLocals {

  private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

  private ContextThreadLocals() {}

  /** {@code call} on this thread, in the thread locals of {@code context}. */
  @SuppressWarnings("try") // the scope only has to be open around the call
  public static <T> T callIn(ContextView context, Callable<T> call) throws Exception {
    try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context)) {
      return call.call();
    }
  }

  /**
   * A {@code Mono} that, when subscribed, runs {@code action} in its subscriber's thread locals.
   */
  @SuppressWarnings("try") // the scope only has to be open around the action
  public static Mono<Void> runInContext(Runnable action) {
    return Mono.deferContextual(
        context -> {
          try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context)) {
            action.run();
          }
          return Mono.empty();
        });
  }
}
