package com.reservas.supplier.simulator.http;

import com.reservas.supplier.simulator.fault.FailureMode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Makes an exchange fail the way a {@link FailureMode} says, in place of the real answer. Held
 * requests ({@link FailureMode#TIMEOUT}) are let go when {@code released} completes, so that
 * stopping the simulator never waits for them.
 */
final class InjectedFailures {

  private final ResponseBodies bodies;
  private final Duration timeoutHold;
  private final Mono<Void> released;

  InjectedFailures(ResponseBodies bodies, Duration timeoutHold, Mono<Void> released) {
    this.bodies = bodies;
    this.timeoutHold = timeoutHold;
    this.released = released;
  }

  Mono<Void> fail(FailureMode mode, HttpServerResponse response) {
    return switch (mode) {
      case HTTP_500 ->
          Reply.json(
                  HttpResponseStatus.INTERNAL_SERVER_ERROR,
                  bodies.error(ErrorReason.INJECTED_FAULT, "Injected failure: HTTP 500"))
              .sendTo(response);
      case HTTP_503 ->
          Reply.json(
                  HttpResponseStatus.SERVICE_UNAVAILABLE,
                  bodies.error(ErrorReason.INJECTED_FAULT, "Injected failure: HTTP 503"))
              .withHeader(HttpHeaderNames.RETRY_AFTER.toString(), "1")
              .sendTo(response);
      case TIMEOUT ->
          Mono.firstWithSignal(Mono.delay(timeoutHold).then(), released)
              .then(Mono.defer(() -> reset(response)));
      case CONNECTION_RESET -> reset(response);
    };
  }

  /** Closes the connection with a TCP RST (linger 0), so the client sees a reset, not an answer. */
  private static Mono<Void> reset(HttpServerResponse response) {
    response.withConnection(
        connection -> {
          Channel channel = connection.channel();
          channel.config().setOption(ChannelOption.SO_LINGER, 0);
          channel.close();
        });
    return Mono.empty();
  }
}
