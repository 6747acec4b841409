package com.reservas.reservation.adapter.out.persistence.connection;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;

/**
 * The commands of one driver connection, handed to the driver one at a time and each run to its
 * end.
 *
 * <p>A command starts when the one before it has ended, so the driver never holds a second command
 * in its own queue. A caller that cancels is only detached: a command already started runs on and
 * whatever it still emits goes to {@code dropped} (to drain a result, close a connection); a
 * command not yet started is skipped. The driver therefore never sees a cancel, nor a command
 * submitted from one thread while its queue is being drained on another (see {@link
 * CancellationSafeConnectionFactory} for why that matters).
 */
final class ConnectionCommands {

  private final AtomicReference<Mono<Void>> lastEnded = new AtomicReference<>(Mono.empty());

  <T> Flux<T> run(
      Supplier<? extends Publisher<? extends T>> command, Class<T> type, Consumer<T> dropped) {
    return Flux.defer(
        () -> {
          Sinks.Empty<Void> ended = Sinks.empty();
          Mono<Void> previous = lastEnded.getAndSet(ended.asMono());
          Sinks.Many<T> out = Sinks.many().unicast().onBackpressureBuffer();
          AtomicBoolean abandoned = new AtomicBoolean();
          previous.subscribe(
              ignored -> {}, ignored -> {}, () -> start(command, out, abandoned, dropped, ended));
          return out.asFlux().doOnCancel(() -> abandoned.set(true)).doOnDiscard(type, dropped);
        });
  }

  <T> Mono<T> runOne(
      Supplier<? extends Publisher<? extends T>> command, Class<T> type, Consumer<T> dropped) {
    return run(command, type, dropped).singleOrEmpty();
  }

  Mono<Void> run(Supplier<? extends Publisher<Void>> command) {
    return run(command, Void.class, ignored -> {}).then();
  }

  private static <T> void start(
      Supplier<? extends Publisher<? extends T>> command,
      Sinks.Many<T> out,
      AtomicBoolean abandoned,
      Consumer<T> dropped,
      Sinks.Empty<Void> ended) {
    if (abandoned.get()) {
      ended.tryEmitEmpty();
      return;
    }
    Publisher<? extends T> publisher;
    try {
      publisher = command.get();
    } catch (RuntimeException e) {
      out.tryEmitError(e);
      ended.tryEmitEmpty();
      return;
    }
    publisher.subscribe(
        new BaseSubscriber<T>() {
          @Override
          protected void hookOnSubscribe(Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          protected void hookOnNext(T value) {
            if (out.tryEmitNext(value).isFailure()) {
              dropped.accept(value);
            }
          }

          @Override
          protected void hookOnError(Throwable error) {
            // Fails only when the caller has left: nobody waits for this error any more.
            out.tryEmitError(error);
          }

          @Override
          protected void hookOnComplete() {
            out.tryEmitComplete();
          }

          @Override
          protected void hookFinally(SignalType signal) {
            ended.tryEmitEmpty();
          }
        });
  }
}
