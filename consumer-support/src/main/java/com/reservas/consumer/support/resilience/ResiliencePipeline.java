package com.reservas.consumer.support.resilience;

import com.reservas.starter.tracing.ContextThreadLocals;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The resilience policy around one external dependency, as resilience4j reactor operators applied
 * in a deliberate order (innermost first):
 *
 * <ol>
 *   <li><b>TimeLimiter</b> — bounds each attempt; a late answer becomes a {@link
 *       java.util.concurrent.TimeoutException};
 *   <li><b>Retry</b> — retries an attempt that failed transiently (its {@code
 *       retryExceptionPredicate} decides what is transient), with exponential backoff and jitter as
 *       configured;
 *   <li><b>CircuitBreaker</b> — outermost: it counts whole operations, i.e. failures that the
 *       retries could not absorb (its {@code recordExceptionPredicate} decides which count), opens
 *       when too many fail, and then rejects calls at once with {@link
 *       io.github.resilience4j.circuitbreaker.CallNotPermittedException} without touching the
 *       dependency.
 * </ol>
 *
 * <p>No fallback: every failure reaches the caller, which publishes a business outcome (a decline)
 * or lets the Kafka record go to the retry topics (a transient failure, an open breaker). A
 * fallback here would swallow the error, and neither the retry nor the retry topics would ever
 * fire.
 *
 * <p>The call must be lazy (a {@code Mono.defer}/{@code fromCallable}), because each retry
 * re-subscribes to it; use the same idempotency key in every attempt.
 */
public final class ResiliencePipeline {

  private static final Logger log = LoggerFactory.getLogger(ResiliencePipeline.class);

  private final TimeLimiter timeLimiter;
  private final Retry retry;
  private final CircuitBreaker circuitBreaker;

  private ResiliencePipeline(TimeLimiter timeLimiter, Retry retry, CircuitBreaker circuitBreaker) {
    this.timeLimiter = Objects.requireNonNull(timeLimiter, "timeLimiter");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.circuitBreaker = Objects.requireNonNull(circuitBreaker, "circuitBreaker");
  }

  /** The pipeline of the given instances. */
  public static ResiliencePipeline of(
      TimeLimiter timeLimiter, Retry retry, CircuitBreaker circuitBreaker) {
    return new ResiliencePipeline(timeLimiter, retry, circuitBreaker);
  }

  /**
   * The pipeline of the instances called {@code name} in the registries (configured under {@code
   * resilience4j.timelimiter|retry|circuitbreaker.instances.<name>} by resilience4j-spring-boot4).
   */
  public static ResiliencePipeline fromRegistries(
      String name,
      TimeLimiterRegistry timeLimiters,
      RetryRegistry retries,
      CircuitBreakerRegistry circuitBreakers) {
    return new ResiliencePipeline(
        timeLimiters.timeLimiter(name), retries.retry(name), circuitBreakers.circuitBreaker(name));
  }

  /**
   * The pipeline of typed {@code settings}, registered in the registries under {@code name} (the
   * {@code name} tag of the resilience4j metrics). Only failures {@code isTransient} accepts are
   * retried and counted by the breaker: a business answer or a refusal is neither.
   */
  public static ResiliencePipeline fromSettings(
      String name,
      ResilienceSettings settings,
      Predicate<Throwable> isTransient,
      TimeLimiterRegistry timeLimiters,
      RetryRegistry retries,
      CircuitBreakerRegistry circuitBreakers) {
    ResilienceSettings.Retry retry = settings.retry();
    ResilienceSettings.CircuitBreaker breaker = settings.circuitBreaker();
    return new ResiliencePipeline(
        timeLimiters.timeLimiter(
            name,
            TimeLimiterConfig.custom()
                .timeoutDuration(settings.callTimeout())
                .cancelRunningFuture(true)
                .build()),
        retries.retry(
            name,
            RetryConfig.custom()
                .maxAttempts(retry.maxAttempts())
                .intervalFunction(
                    IntervalFunction.ofExponentialRandomBackoff(
                        retry.initialBackoff(),
                        retry.multiplier(),
                        retry.jitter(),
                        retry.maxBackoff()))
                .retryOnException(isTransient)
                .build()),
        circuitBreakers.circuitBreaker(
            name,
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
                .recordException(isTransient)
                .build()));
  }

  /** Applies TimeLimiter, Retry and CircuitBreaker, in that order, to the lazy {@code call}. */
  public <T> Mono<T> protect(Mono<T> call) {
    return call.transformDeferred(TimeLimiterOperator.of(timeLimiter))
        .transformDeferred(RetryOperator.of(retry))
        .transformDeferred(CircuitBreakerOperator.of(circuitBreaker));
  }

  /**
   * {@link #protect} for a blocking client call (stripe-java, JDBC...): each attempt runs on
   * Reactor's bounded-elastic scheduler. A timed-out attempt is abandoned, not interrupted, so give
   * the client its own read timeout too.
   */
  public <T> Mono<T> protectBlocking(Callable<T> call) {
    return protect(Mono.defer(() -> blocking(call)).subscribeOn(Schedulers.boundedElastic()));
  }

  /**
   * {@link #protect} on the caller's thread, which waits for the end (a listener thread: the
   * consumers are blocking, each record handled on its own thread). The caller's thread locals go
   * with the call in its Reactor context ({@code contextCapture}), where WebClient finds its parent
   * observation, on every attempt: retries run on timer threads, and the services do not have
   * Reactor restore thread locals on every operator (docs/performance.md).
   *
   * @throws Exception what the last attempt failed with, or {@link
   *     io.github.resilience4j.circuitbreaker.CallNotPermittedException} while the breaker is open
   */
  public <T> T await(Mono<T> call) throws Exception {
    try {
      return protect(call).contextCapture().block();
    } catch (RuntimeException e) {
      throw unwrapped(e);
    }
  }

  /**
   * {@link #protectBlocking} on the caller's thread, which waits for the end; as {@link #await}.
   */
  public <T> T call(Callable<T> call) throws Exception {
    try {
      return protectBlocking(call).contextCapture().block();
    } catch (RuntimeException e) {
      throw unwrapped(e);
    }
  }

  /** The failure itself, not Reactor's wrapper of a checked exception. */
  private static Exception unwrapped(RuntimeException e) {
    return Exceptions.unwrap(e) instanceof Exception cause ? cause : e;
  }

  /**
   * One attempt of a blocking call, in the caller's thread locals (its observation: the span and
   * the trace ids of log lines) carried in the Reactor context. When the TimeLimiter gave up on it,
   * its late answer or failure is only logged (at debug): it belongs to nobody any more, and
   * Reactor would otherwise report it as a dropped error.
   */
  private static <T> Mono<T> blocking(Callable<T> call) {
    return Mono.create(
        sink -> {
          AtomicBoolean abandoned = new AtomicBoolean();
          sink.onCancel(() -> abandoned.set(true));
          T result;
          try {
            result = ContextThreadLocals.callIn(sink.contextView(), call);
          } catch (Exception e) {
            if (abandoned.get()) {
              log.debug("An abandoned attempt failed late: {}", e.toString());
            } else {
              sink.error(e);
            }
            return;
          }
          if (!abandoned.get()) {
            sink.success(result);
          }
        });
  }

  /** The circuit breaker, e.g. to observe its state. */
  public CircuitBreaker circuitBreaker() {
    return circuitBreaker;
  }

  /** The retry, e.g. to observe its metrics. */
  public Retry retry() {
    return retry;
  }

  /** The time limiter. */
  public TimeLimiter timeLimiter() {
    return timeLimiter;
  }
}
