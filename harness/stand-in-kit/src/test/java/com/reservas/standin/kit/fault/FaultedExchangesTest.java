package com.reservas.standin.kit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservas.standin.kit.StandInServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class FaultedExchangesTest {

  private final HttpClient client = HttpClient.newHttpClient();
  private final Semaphore arrived = new Semaphore(0);
  private FaultedExchanges faulted;
  private StandInServer server;

  @AfterEach
  void stop() {
    server.stop();
  }

  /** A stand-in whose every request is delayed by {@code latency}, then failed as {@code mode}. */
  private FaultedExchanges serving(Outage mode, Duration latency, Duration timeoutHold) {
    faulted = new FaultedExchanges(timeoutHold);
    server = new StandInServer("test stand-in", Duration.ofSeconds(5), faulted);
    server.start(
        "127.0.0.1",
        0,
        (request, response) ->
            Mono.fromRunnable(arrived::release)
                .then(faulted.delay(latency))
                .then(
                    faulted.fail(
                        mode,
                        response,
                        () ->
                            response
                                .status(500)
                                .sendString(Mono.just("the error answer"))
                                .then())));
    return faulted;
  }

  private CompletableFuture<HttpResponse<String>> call(Duration timeout) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/anything"))
            .timeout(timeout)
            .build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anErrorAnswerIsTheStandInsOwn() throws Exception {
    serving(Outage.HTTP_500, Duration.ZERO, Duration.ofMinutes(1));

    HttpResponse<String> answer = call(Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);

    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.body()).isEqualTo("the error answer");
  }

  @Test
  void aConnectionResetGivesTheClientNoAnswerAtOnce() {
    serving(Outage.CONNECTION_RESET, Duration.ZERO, Duration.ofMinutes(1));

    assertEndsWithoutAnAnswer(call(Duration.ofSeconds(5)));
  }

  @Test
  void noAnswerHoldsTheRequestPastTheClientsTimeout() {
    serving(Outage.TIMEOUT, Duration.ZERO, Duration.ofMinutes(1));

    assertThatThrownBy(() -> call(Duration.ofMillis(300)).get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void aHeldRequestEndsWithoutAnAnswerAfterTheHold() {
    serving(Outage.TIMEOUT, Duration.ZERO, Duration.ofMillis(200));

    assertEndsWithoutAnAnswer(call(Duration.ofSeconds(5)));
  }

  @Test
  void releasingLetsHeldRequestsGoAtOnce() {
    serving(Outage.TIMEOUT, Duration.ZERO, Duration.ofMinutes(1));
    CompletableFuture<HttpResponse<String>> held = call(Duration.ofMinutes(1));

    awaitArrival();
    assertThat(held).isNotDone();
    faulted.releaseHeld();

    assertEndsWithoutAnAnswer(held);
  }

  @Test
  void stoppingTheServerLetsGoOfWhatItHoldsAndARestartHoldsAgain() {
    serving(Outage.TIMEOUT, Duration.ZERO, Duration.ofMinutes(1));
    CompletableFuture<Void> heldBeforeStop = faulted.delay(Duration.ofMinutes(1)).toFuture();

    server.stop();
    assertThat(heldBeforeStop).succeedsWithin(Duration.ofSeconds(2));

    server.start("127.0.0.1", 0, (request, response) -> response.send());
    CompletableFuture<Void> heldAfterRestart = faulted.delay(Duration.ofMinutes(1)).toFuture();
    sleep(Duration.ofMillis(200));
    assertThat(heldAfterRestart).isNotDone();
  }

  @Test
  void latencyDelaysTheAnswer() throws Exception {
    serving(Outage.HTTP_500, Duration.ofMillis(400), Duration.ZERO);

    long started = System.nanoTime();
    assertThat(call(Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(500);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(350));
  }

  @Test
  void releasingCutsLatencyShort() throws Exception {
    serving(Outage.HTTP_500, Duration.ofMinutes(1), Duration.ZERO);
    CompletableFuture<HttpResponse<String>> delayed = call(Duration.ofMinutes(1));

    awaitArrival();
    assertThat(delayed).isNotDone();
    faulted.releaseHeld();

    assertThat(delayed.get(3, TimeUnit.SECONDS).statusCode()).isEqualTo(500);
  }

  /** The connection ended within 3 s without an answer, and not by the client giving up. */
  private static void assertEndsWithoutAnAnswer(CompletableFuture<HttpResponse<String>> call) {
    assertThatThrownBy(() -> call.get(3, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(HttpTimeoutException.class);
  }

  /** Waits until the server has taken the request in (it is then being held or delayed). */
  private void awaitArrival() {
    try {
      assertThat(arrived.tryAcquire(5, TimeUnit.SECONDS))
          .as("the request reached the server")
          .isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
