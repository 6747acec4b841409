package com.reservas.provider.adapter.out.supplier;

import com.reservas.consumer.support.audit.ExternalCallRecorder;
import com.reservas.consumer.support.resilience.ResiliencePipeline;
import com.reservas.consumer.support.resilience.ResilienceSettings;
import com.reservas.privacy.PersonalDataMasker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** A gateway to a running simulator, with short timeouts and backoffs and fresh resilience. */
final class SupplierGatewayFixture {

  /** Generous: the build machine may be loaded far beyond its two cores. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

  static final int MAX_ATTEMPTS = 5;

  final ResiliencePipeline resilience;
  final WebClientSupplierGateway gateway;

  /** The timers of the gateway's observations, as Boot's observation handlers record them. */
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  SupplierGatewayFixture(String baseUrl, ResilienceSettings.CircuitBreaker breaker) {
    SupplierProperties properties =
        new SupplierProperties(
            URI.create(baseUrl),
            Duration.ofMillis(500),
            CALL_TIMEOUT,
            new ResilienceSettings.Retry(
                MAX_ATTEMPTS, Duration.ofMillis(20), 2.0, 0.5, Duration.ofMillis(100)),
            breaker);
    resilience =
        ResiliencePipeline.fromSettings(
            SupplierGatewayConfiguration.RESILIENCE_NAME,
            properties.resilience(),
            TransientSupplierFailure::isTransient,
            TimeLimiterRegistry.ofDefaults(),
            RetryRegistry.ofDefaults(),
            CircuitBreakerRegistry.ofDefaults());
    gateway =
        new WebClientSupplierGateway(
            SupplierWebClients.create(WebClient.builder(), properties),
            baseUrl,
            JsonMapper.builder().build(),
            new ExternalCallRecorder(PersonalDataMasker.standard(), 4096),
            resilience,
            Clock.systemUTC(),
            observations(meters));
  }

  private static ObservationRegistry observations(SimpleMeterRegistry meters) {
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    return observations;
  }

  SupplierGatewayFixture(String baseUrl) {
    this(baseUrl, lenientBreaker());
  }

  /** Opens only after 100 calls: out of the way of tests about retries. */
  static ResilienceSettings.CircuitBreaker lenientBreaker() {
    return new ResilienceSettings.CircuitBreaker(100, 100, 100, Duration.ofSeconds(1), 1);
  }
}
