package com.reservas.consumer.support.deadletter;

import com.reservas.consumer.support.ConsumerProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Operators' endpoint for the dead-letter topic (works on WebFlux and MVC):
 *
 * <ul>
 *   <li>{@code GET /admin/dead-letters} → {@code {"deadLetterTopic": ..., "pending": n}}
 *   <li>{@code POST /admin/dead-letters/replay[?limit=n]} → a {@link ReplayResult}
 * </ul>
 *
 * Both need the header {@code X-Admin-Token} (configurable) equal to {@code
 * reservas.consumer.dead-letter.admin-token}; without a configured token they answer 403.
 */
@RestController
@RequestMapping("/admin/dead-letters")
public class DeadLetterReplayController {

  private final DeadLetterReplayer replayer;
  private final ConsumerProperties.DeadLetter settings;

  /** The endpoint over {@code replayer}, guarded by the token in {@code settings}. */
  public DeadLetterReplayController(
      DeadLetterReplayer replayer, ConsumerProperties.DeadLetter settings) {
    this.replayer = replayer;
    this.settings = settings;
  }

  /** How many dead letters wait for a replay. */
  @GetMapping
  public Mono<ResponseEntity<Object>> pending(@RequestHeader Map<String, String> headers) {
    return guarded(
        headers,
        () -> Map.of("deadLetterTopic", replayer.deadLetterTopic(), "pending", replayer.pending()));
  }

  /** Re-publishes up to {@code limit} dead letters to their original topic. */
  @PostMapping("/replay")
  public Mono<ResponseEntity<Object>> replay(
      @RequestHeader Map<String, String> headers,
      @RequestParam(name = "limit", defaultValue = "1000") int limit) {
    if (limit < 1) {
      return Mono.just(
          ResponseEntity.badRequest().body(Map.of("message", "limit must be at least 1")));
    }
    return guarded(headers, () -> replayer.replay(limit));
  }

  private Mono<ResponseEntity<Object>> guarded(
      Map<String, String> headers, Callable<Object> action) {
    if (!authorized(headers)) {
      return Mono.just(
          ResponseEntity.status(HttpStatus.FORBIDDEN)
              .body(
                  Map.of(
                      "message",
                      settings.replayEnabled()
                          ? "missing or wrong " + settings.adminTokenHeader()
                          : "dead-letter administration is disabled: set"
                              + " reservas.consumer.dead-letter.admin-token")));
    }
    return Mono.fromCallable(action)
        .subscribeOn(Schedulers.boundedElastic())
        .map(body -> ResponseEntity.ok().body(body));
  }

  private boolean authorized(Map<String, String> headers) {
    if (!settings.replayEnabled()) {
      return false;
    }
    String given =
        headers.entrySet().stream()
            .filter(entry -> entry.getKey().equalsIgnoreCase(settings.adminTokenHeader()))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse("");
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8),
        settings.adminToken().getBytes(StandardCharsets.UTF_8));
  }
}
