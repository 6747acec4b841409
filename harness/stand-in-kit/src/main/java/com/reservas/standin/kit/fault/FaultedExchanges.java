package com.reservas.standin.kit.fault;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Applies a drawn fault to an HTTP exchange: delays it, holds it without an answer, or resets its
 * connection. Every delay and hold ends early when the stand-in stops ({@link #releaseHeld()}), so
 * that stopping never waits for the requests it is holding on purpose.
 */
public final class FaultedExchanges {

  private final Duration timeoutHold;
  private final AtomicReference<Sinks.Empty<Void>> stopping = new AtomicReference<>(Sinks.empty());

  /**
   * @param timeoutHold how long an {@link InjectedFailure.Kind#NO_ANSWER} failure holds a request;
   *     it must exceed the client's read timeout to be seen as one
   */
  public FaultedExchanges(Duration timeoutHold) {
    this.timeoutHold = timeoutHold;
  }

  /** Arms the stop signal for a new run of the server. */
  public void open() {
    stopping.set(Sinks.empty());
  }

  /** Lets every held or delayed request go, so that the server can stop at once. */
  public void releaseHeld() {
    try {
      stopping.get().tryEmitEmpty();
    } catch (IllegalStateException clientGone) {
      // Releasing answers the held requests on the caller's thread; one whose client already gave
      // up (a read timeout) has no channel left to answer on. Nothing is waiting for that answer.
    }
  }

  /** Waits {@code latency}, or less if the stand-in stops first. */
  public Mono<Void> delay(Duration latency) {
    if (latency.isZero()) {
      return Mono.empty();
    }
    return Mono.firstWithSignal(Mono.delay(latency).then(), stopping.get().asMono());
  }

  /**
   * Fails the exchange as {@code failure} says, in place of the real answer; {@code errorAnswer}
   * writes the stand-in's error answer for an {@link InjectedFailure.Kind#ERROR_ANSWER}.
   */
  public Mono<Void> fail(
      InjectedFailure failure, HttpServerResponse response, Supplier<Mono<Void>> errorAnswer) {
    return switch (failure.kind()) {
      case ERROR_ANSWER -> errorAnswer.get();
      case NO_ANSWER -> delay(timeoutHold).then(Mono.fromRunnable(() -> reset(response)));
      case CONNECTION_RESET -> Mono.fromRunnable(() -> reset(response));
    };
  }

  /** Closes the connection with a TCP RST (linger 0), so the client sees a reset, not an answer. */
  private static void reset(HttpServerResponse response) {
    response.withConnection(
        connection -> {
          Channel channel = connection.channel();
          channel.config().setOption(ChannelOption.SO_LINGER, 0);
          channel.close();
        });
  }
}
