package com.reservas.payment.adapter.out.stripe;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach Stripe ({@code reservas.stripe.*}).
 *
 * @param apiBase Stripe's API base: {@code https://api.stripe.com} in production, the local
 *     stand-in ({@code http://127.0.0.1:12111}) by default
 * @param secretKey the secret key, from the environment ({@code STRIPE_SECRET_KEY}); never in the
 *     repository. The default {@code sk_test_local} only works with the stand-in
 * @param connectTimeout connect timeout of each HTTP request; default 2 s
 * @param readTimeout read timeout of each HTTP request; default 5 s (keep it near the TimeLimiter's
 *     timeout: an abandoned attempt holds a thread until it expires)
 * @param resilienceInstance the resilience4j instance name (TimeLimiter, Retry, CircuitBreaker);
 *     default {@code stripe}
 */
@ConfigurationProperties("reservas.stripe")
@Validated
public record StripeProperties(
    @DefaultValue("http://127.0.0.1:12111") @NotBlank String apiBase,
    @NotBlank String secretKey,
    @DefaultValue("2s") @NotNull Duration connectTimeout,
    @DefaultValue("5s") @NotNull Duration readTimeout,
    @DefaultValue("stripe") @NotBlank String resilienceInstance) {

  @Override
  public String toString() {
    return "StripeProperties[apiBase="
        + apiBase
        + ", secretKey=****, connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", resilienceInstance="
        + resilienceInstance
        + "]";
  }
}
