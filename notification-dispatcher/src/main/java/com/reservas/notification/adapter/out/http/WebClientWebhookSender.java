package com.reservas.notification.adapter.out.http;

import com.reservas.consumer.support.resilience.ResiliencePipeline;
import com.reservas.notification.application.port.out.WebhookSender;
import com.reservas.reservation.domain.webhook.ForbiddenAddresses;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.netty.channel.ChannelOption;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Posts webhooks with WebClient under a {@link ResiliencePipeline} per endpoint: a time limit of
 * {@code timeout} (10 s: a 2xx later is a failure), no immediate retry (the durable schedule
 * retries with backoff), and a circuit breaker, so a partner that is down fails fast and holds no
 * connection while its deliveries wait. Hosts are checked after resolution by {@link
 * GuardedNameResolver}; literal addresses, which Netty does not resolve, are checked here. Under
 * the local profile, {@code http://127.0.0.1:<port>} and {@code http://localhost:<port>} pass.
 */
public final class WebClientWebhookSender implements WebhookSender {

  private final WebClient guarded;
  private final WebClient local;
  private final Duration timeout;
  private final boolean allowLocalHttp;
  private final Map<String, ResiliencePipeline> pipelines = new ConcurrentHashMap<>();

  public WebClientWebhookSender(
      WebClient.Builder builder, Duration timeout, boolean allowLocalHttp) {
    this.timeout = timeout;
    this.allowLocalHttp = allowLocalHttp;
    HttpClient base =
        HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 5000))
            .followRedirect(false);
    this.guarded =
        builder
            .clone()
            .clientConnector(
                new ReactorClientHttpConnector(base.resolver(GuardedNameResolver.GROUP)))
            .build();
    this.local = builder.clone().clientConnector(new ReactorClientHttpConnector(base)).build();
  }

  @Override
  public Mono<SendResult> send(
      String endpointId, String url, Map<String, String> headers, String body) {
    long started = System.nanoTime();
    Mono<Integer> call =
        Mono.defer(
            () -> {
              WebClient client = clientFor(URI.create(url));
              return client
                  .post()
                  .uri(URI.create(url))
                  .contentType(MediaType.APPLICATION_JSON)
                  .headers(h -> headers.forEach(h::set))
                  .bodyValue(body)
                  .exchangeToMono(
                      response ->
                          response
                              .releaseBody()
                              .thenReturn(response.statusCode().value())
                              .flatMap(
                                  status ->
                                      status >= 200 && status < 300
                                          ? Mono.just(status)
                                          : Mono.error(new UnsuccessfulStatus(status))));
            });
    return pipeline(endpointId)
        .protect(call)
        .map(status -> new SendResult(Optional.of(status), Optional.empty(), since(started)))
        .onErrorResume(
            error ->
                Mono.just(
                    error instanceof UnsuccessfulStatus unsuccessful
                        ? new SendResult(
                            Optional.of(unsuccessful.status), Optional.empty(), since(started))
                        : new SendResult(
                            Optional.empty(), Optional.of(describe(error)), since(started))));
  }

  private WebClient clientFor(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null) {
      throw new IllegalArgumentException("no host");
    }
    if (allowLocalHttp
        && scheme.equals("http")
        && uri.getPort() > 0
        && (host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost"))) {
      return local;
    }
    if (!scheme.equals("https")) {
      throw new ForbiddenAddressException(host + " (not https)");
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (isLiteral(bare)) {
      try {
        if (ForbiddenAddresses.isForbidden(InetAddress.getByName(bare))) {
          throw new ForbiddenAddressException(bare);
        }
      } catch (UnknownHostException e) {
        throw new ForbiddenAddressException(bare);
      }
    }
    return guarded;
  }

  private static boolean isLiteral(String host) {
    return host.contains(":") || host.matches("[0-9.]+");
  }

  private ResiliencePipeline pipeline(String endpointId) {
    return pipelines.computeIfAbsent(
        endpointId,
        id ->
            ResiliencePipeline.of(
                TimeLimiter.of(
                    TimeLimiterConfig.custom()
                        .timeoutDuration(timeout)
                        .cancelRunningFuture(true)
                        .build()),
                Retry.of("webhook-" + id, RetryConfig.custom().maxAttempts(1).build()),
                CircuitBreaker.of(
                    "webhook-" + id,
                    CircuitBreakerConfig.custom()
                        .slidingWindowSize(10)
                        .minimumNumberOfCalls(5)
                        .failureRateThreshold(100)
                        .waitDurationInOpenState(Duration.ofSeconds(30))
                        .recordException(e -> !isRefusal(e))
                        .build())));
  }

  /** A refused address is the URL's fault, not the partner's: it does not open the breaker. */
  private static boolean isRefusal(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof ForbiddenAddressException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof java.util.concurrent.TimeoutException) {
      return "timeout";
    }
    String message = root.getMessage();
    String text = root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return text.length() > 255 ? text.substring(0, 255) : text;
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  /** A non-2xx answer: a failure for the breaker, and the status for the record. */
  private static final class UnsuccessfulStatus extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    UnsuccessfulStatus(int status) {
      super("HTTP " + status, null, false, false);
      this.status = status;
    }
  }
}
