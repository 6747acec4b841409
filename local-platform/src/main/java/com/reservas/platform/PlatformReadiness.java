package com.reservas.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * In the one-machine run, the API's readiness means "the platform can take reservations all the
 * way": the database (the API's own check), the Kafka broker and the outbox relay must all work.
 * Registered in the API's context under the name {@code platform} and added to its readiness group.
 */
final class PlatformReadiness implements ReactiveHealthIndicator, AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final Admin kafka;
  private final URI relayReadiness;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  PlatformReadiness(String bootstrapServers, int relayPort) {
    this.kafka =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()));
    this.relayReadiness =
        URI.create("http://127.0.0.1:" + relayPort + "/actuator/health/readiness");
  }

  @Override
  public Mono<Health> health() {
    return Mono.fromCallable(this::check).subscribeOn(Schedulers.boundedElastic());
  }

  private Health check() {
    String kafkaProblem = kafkaProblem();
    String relayProblem = relayProblem();
    Health.Builder health =
        kafkaProblem == null && relayProblem == null ? Health.up() : Health.down();
    return health
        .withDetail("kafka", kafkaProblem == null ? "UP" : kafkaProblem)
        .withDetail("relay", relayProblem == null ? "UP" : relayProblem)
        .build();
  }

  private String kafkaProblem() {
    try {
      kafka.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (ExecutionException | TimeoutException e) {
      return "broker not answering";
    }
  }

  private String relayProblem() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(relayReadiness).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? null : "relay not ready";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (java.io.IOException e) {
      return "relay not answering";
    }
  }

  @Override
  public void close() {
    kafka.close(Duration.ofSeconds(1));
  }
}
