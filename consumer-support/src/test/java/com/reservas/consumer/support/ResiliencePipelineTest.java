package com.reservas.consumer.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.reservas.consumer.support.resilience.ResiliencePipeline;
import com.reservas.consumer.support.resilience.ResilienceSettings;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ResiliencePipelineTest {

  private final CircuitBreaker breaker =
      CircuitBreaker.of(
          "test",
          CircuitBreakerConfig.custom()
              .slidingWindowSize(2)
              .minimumNumberOfCalls(2)
              .failureRateThreshold(50)
              .waitDurationInOpenState(Duration.ofSeconds(60))
              .recordException(e -> !(e instanceof IllegalArgumentException))
              .build());

  private final ResiliencePipeline pipeline =
      ResiliencePipeline.of(
          TimeLimiter.of(
              TimeLimiterConfig.custom().timeoutDuration(Duration.ofMillis(100)).build()),
          Retry.of(
              "test",
              RetryConfig.custom()
                  .maxAttempts(3)
                  .waitDuration(Duration.ofMillis(1))
                  .retryOnException(e -> !(e instanceof IllegalArgumentException))
                  .build()),
          breaker);

  @Test
  void eachAttemptIsTimeLimitedAndRetriedAndTheBreakerCountsTheOperationOnce() {
    AtomicInteger attempts = new AtomicInteger();
    Mono<String> slowThenFast =
        Mono.defer(
            () ->
                attempts.incrementAndGet() < 3
                    ? Mono.just("late").delayElement(Duration.ofMillis(500))
                    : Mono.just("ok"));

    StepVerifier.create(pipeline.protect(slowThenFast)).expectNext("ok").verifyComplete();

    assertThat(attempts).hasValue(3);
    assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
    assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
  }

  @Test
  void aNonTransientErrorIsNotRetriedAndDoesNotCountAgainstTheDependency() {
    AtomicInteger attempts = new AtomicInteger();
    Mono<String> declined =
        Mono.defer(
            () -> {
              attempts.incrementAndGet();
              return Mono.error(new IllegalArgumentException("declined"));
            });

    StepVerifier.create(pipeline.protect(declined))
        .expectError(IllegalArgumentException.class)
        .verify();

    assertThat(attempts).hasValue(1);
    assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
  }

  @Test
  void exhaustedRetriesOpenTheBreakerWhichThenRejectsWithoutCallingTheDependency() {
    AtomicInteger attempts = new AtomicInteger();
    Mono<String> down =
        Mono.defer(
            () -> {
              attempts.incrementAndGet();
              return Mono.error(new IllegalStateException("503"));
            });

    StepVerifier.create(pipeline.protect(down)).expectError(IllegalStateException.class).verify();
    StepVerifier.create(pipeline.protect(down)).expectError(IllegalStateException.class).verify();
    assertThat(attempts).hasValue(6);
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

    StepVerifier.create(pipeline.protectBlocking(() -> "never called"))
        .expectError(CallNotPermittedException.class)
        .verify();
    assertThat(attempts).hasValue(6);
  }

  @Test
  void aBlockingCallThatHangsTimesOut() {
    ResiliencePipeline noRetry =
        ResiliencePipeline.of(
            TimeLimiter.of(
                TimeLimiterConfig.custom().timeoutDuration(Duration.ofMillis(50)).build()),
            Retry.of("none", RetryConfig.custom().maxAttempts(1).build()),
            CircuitBreaker.ofDefaults("none"));

    CountDownLatch neverReleased = new CountDownLatch(1);

    StepVerifier.create(
            noRetry.protectBlocking(
                () -> {
                  neverReleased.await();
                  return "late";
                }))
        .expectError(TimeoutException.class)
        .verify(Duration.ofSeconds(2));
  }

  @Test
  void typedSettingsRetryAndCountOnlyWhatIsTransientAndTheCallerWaitsForTheAnswer() {
    ResiliencePipeline fromSettings =
        ResiliencePipeline.fromSettings(
            "typed",
            new ResilienceSettings(
                Duration.ofSeconds(1),
                new ResilienceSettings.Retry(
                    3, Duration.ofMillis(1), 2.0, 0.5, Duration.ofMillis(5)),
                new ResilienceSettings.CircuitBreaker(50, 2, 2, Duration.ofSeconds(60), 1)),
            e -> e instanceof IllegalStateException,
            TimeLimiterRegistry.ofDefaults(),
            RetryRegistry.ofDefaults(),
            CircuitBreakerRegistry.ofDefaults());
    AtomicInteger attempts = new AtomicInteger();

    Throwable refused =
        catchThrowable(
            () ->
                fromSettings.call(
                    () -> {
                      attempts.incrementAndGet();
                      throw new IllegalArgumentException("refused");
                    }));
    assertThat(refused).isInstanceOf(IllegalArgumentException.class);
    assertThat(attempts).hasValue(1);

    Throwable down =
        catchThrowable(
            () ->
                fromSettings.call(
                    () -> {
                      attempts.incrementAndGet();
                      throw new IOException("reset");
                    }));
    assertThat(down).isInstanceOf(IOException.class);
    assertThat(attempts).hasValue(2);

    assertThat(
            catchThrowable(
                () ->
                    fromSettings.await(
                        Mono.defer(
                            () -> {
                              attempts.incrementAndGet();
                              return Mono.<String>error(new IllegalStateException("503"));
                            }))))
        .isInstanceOf(IllegalStateException.class);
    assertThat(attempts).hasValue(5);
    assertThat(fromSettings.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
  }

  /**
   * The caller's observation (the record's span, hence the trace ids of log lines) reaches every
   * attempt, retries included, whether or not Reactor propagates thread locals automatically (the
   * services run with {@code spring.reactor.context-propagation=limited}): a reactive attempt finds
   * it in its context, where WebClient looks for its parent; a blocking one on its thread.
   */
  @Test
  @SuppressWarnings("try") // the scope only has to be open around the calls
  void everyAttemptRunsInTheCallersObservation() throws Exception {
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(context -> true);
    ObservationThreadLocalAccessor.getInstance().setObservationRegistry(registry);
    Observation record = Observation.start("record", registry);
    List<Object> reactiveAttempts = new CopyOnWriteArrayList<>();
    List<Object> blockingAttempts = new CopyOnWriteArrayList<>();
    try (Observation.Scope scope = record.openScope()) {
      Mono<String> reactive =
          Mono.deferContextual(
              context -> {
                reactiveAttempts.add(
                    context.getOrDefault(ObservationThreadLocalAccessor.KEY, "none"));
                return reactiveAttempts.size() < 2
                    ? Mono.error(new IOException("reset"))
                    : Mono.just("ok");
              });
      assertThat(pipeline.await(reactive)).isEqualTo("ok");
      Callable<String> blocking =
          () -> {
            Observation current = registry.getCurrentObservation();
            blockingAttempts.add(current == null ? "none" : current);
            if (blockingAttempts.size() < 2) {
              throw new IOException("reset");
            }
            return "ok";
          };
      assertThat(pipeline.call(blocking)).isEqualTo("ok");
    } finally {
      record.stop();
    }

    assertThat(reactiveAttempts).containsExactly(record, record);
    assertThat(blockingAttempts).containsExactly(record, record);
    assertThat(registry.getCurrentObservation()).isNull();
  }
}
