package com.reservas.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Many callers at once, some of whom give up: a stress load for paths that must neither hang nor
 * leak when callers go away (clients that disconnect, timeouts).
 *
 * @param calls how many calls in all
 * @param inFlight how many at a time
 * @param oneInAbandoned every n-th call is abandoned by its caller after a random moment of up to
 *     three milliseconds
 * @param deadline the whole load must end by then, or it fails: a call that hangs fails it
 */
public record ConcurrentCallers(int calls, int inFlight, int oneInAbandoned, Duration deadline) {

  /** Runs the calls and returns the answers of those not abandoned (at least that many). */
  public <T> List<T> answers(IntFunction<Mono<T>> call) {
    List<T> answered =
        Flux.range(0, calls)
            .flatMap(
                i ->
                    i % oneInAbandoned == 0
                        ? call.apply(i)
                            .take(Duration.ofNanos(ThreadLocalRandom.current().nextLong(3_000_000)))
                            .then(Mono.<T>empty())
                        : call.apply(i),
                inFlight)
            .collectList()
            .block(deadline);
    int kept = calls - (calls + oneInAbandoned - 1) / oneInAbandoned;
    if (answered == null || answered.size() < kept) {
      throw new AssertionError(
          "expected at least "
              + kept
              + " answers, got "
              + (answered == null ? 0 : answered.size()));
    }
    return answered;
  }
}
