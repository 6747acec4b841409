package com.reservas.payment.adapter.out.stripe;

import com.reservas.consumer.support.audit.ExternalCallRecorder;
import com.reservas.consumer.support.resilience.ResiliencePipeline;
import com.reservas.payment.application.port.out.PaymentGateway;
import com.reservas.privacy.PersonalDataMasker;
import com.stripe.StripeClient;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires stripe-java (API base and key from {@link StripeProperties}, recording HTTP client, no
 * network retries of its own: the resilience pipeline retries) behind the {@link PaymentGateway}
 * port.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeProperties.class)
public class StripeAdapterConfiguration {

  private static final Logger log = LoggerFactory.getLogger(StripeAdapterConfiguration.class);

  @Bean
  RecordingHttpClient stripeHttpClient(ExternalCallRecorder recorder) {
    return new RecordingHttpClient(recorder, Clock.systemUTC());
  }

  @Bean
  StripeClient stripeClient(StripeProperties properties, RecordingHttpClient httpClient) {
    log.info("Stripe API at {} with key {}", properties.apiBase(), mask(properties.secretKey()));
    return StripeClient.builder()
        .setApiKey(properties.secretKey())
        .setApiBase(properties.apiBase())
        .setConnectTimeout((int) properties.connectTimeout().toMillis())
        .setReadTimeout((int) properties.readTimeout().toMillis())
        .setMaxNetworkRetries(0)
        .setHttpClient(httpClient)
        .build();
  }

  /** TimeLimiter → Retry → CircuitBreaker, instances {@code resilience4j.*.instances.stripe}. */
  @Bean
  ResiliencePipeline stripeResilience(
      StripeProperties properties,
      TimeLimiterRegistry timeLimiters,
      RetryRegistry retries,
      CircuitBreakerRegistry circuitBreakers) {
    return ResiliencePipeline.fromRegistries(
        properties.resilienceInstance(), timeLimiters, retries, circuitBreakers);
  }

  @Bean
  PaymentGateway stripePaymentGateway(
      StripeClient stripeClient,
      RecordingHttpClient httpClient,
      ResiliencePipeline stripeResilience,
      PersonalDataMasker masker,
      ObjectProvider<ObservationRegistry> observations) {
    return new StripePaymentGateway(
        stripeClient,
        httpClient,
        stripeResilience,
        masker,
        observations.getIfAvailable(() -> ObservationRegistry.NOOP));
  }

  private static String mask(String key) {
    return PersonalDataMasker.standard().maskToken(key);
  }
}
