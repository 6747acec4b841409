package com.reservas.provider.adapter.out.supplier;

import com.reservas.consumer.support.audit.ExternalCallRecorder;
import com.reservas.consumer.support.resilience.ResiliencePipeline;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The supplier adapter: WebClient, the resilience4j registries (exported to Micrometer as {@code
 * resilience4j_circuitbreaker_*}, {@code resilience4j_retry_*}, {@code resilience4j_timelimiter_*}
 * with {@code name="supplier"}) and the gateway.
 */
@Configuration(proxyBeanMethods = false)
public class SupplierGatewayConfiguration {

  /** The breaker's, retry's and time limiter's name: tag {@code name="supplier"} in the metrics. */
  static final String RESILIENCE_NAME = "supplier";

  @Bean
  CircuitBreakerRegistry circuitBreakerRegistry() {
    return CircuitBreakerRegistry.ofDefaults();
  }

  @Bean
  RetryRegistry retryRegistry() {
    return RetryRegistry.ofDefaults();
  }

  @Bean
  TimeLimiterRegistry timeLimiterRegistry() {
    return TimeLimiterRegistry.ofDefaults();
  }

  @Bean
  ResiliencePipeline supplierResilience(
      SupplierProperties properties,
      TimeLimiterRegistry timeLimiters,
      RetryRegistry retries,
      CircuitBreakerRegistry circuitBreakers) {
    return ResiliencePipeline.fromSettings(
        RESILIENCE_NAME,
        properties.resilience(),
        TransientSupplierFailure::isTransient,
        timeLimiters,
        retries,
        circuitBreakers);
  }

  @Bean
  MeterBinder supplierResilienceMetrics(
      CircuitBreakerRegistry circuitBreakers,
      RetryRegistry retries,
      TimeLimiterRegistry timeLimiters) {
    return registry -> {
      TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(registry);
      TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
      TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters).bindTo(registry);
    };
  }

  @Bean
  WebClientSupplierGateway supplierGateway(
      WebClient.Builder webClients,
      SupplierProperties properties,
      JsonMapper json,
      ExternalCallRecorder recorder,
      ResiliencePipeline supplierResilience,
      Clock clock,
      ObjectProvider<ObservationRegistry> observations) {
    return new WebClientSupplierGateway(
        SupplierWebClients.create(webClients, properties),
        properties.baseUrl().toString(),
        json,
        recorder,
        supplierResilience,
        clock,
        observations.getIfAvailable(() -> ObservationRegistry.NOOP));
  }
}
