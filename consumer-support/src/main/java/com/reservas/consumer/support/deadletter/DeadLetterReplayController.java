package com.reservas.consumer.support.deadletter;

import com.reservas.starter.security.OperatorRole;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Operators' endpoint for the dead-letter topics. A service with one input topic (the consumers of
 * {@code reservations.events}) has one dead-letter topic:
 *
 * <ul>
 *   <li>{@code GET /admin/dead-letters} → {@code {"deadLetterTopic": ..., "pending": n}}
 *   <li>{@code POST /admin/dead-letters/replay[?limit=n]} → a {@link ReplayResult}
 * </ul>
 *
 * A service with several (the status projector) has one per input topic:
 *
 * <ul>
 *   <li>{@code GET /admin/dead-letters} → {@code {"deadLetters": [{"deadLetterTopic", "pending"}],
 *       "pending": total}}
 *   <li>{@code POST /admin/dead-letters/replay[?limit=n]} → {@code {"replays": [ReplayResult]}}, up
 *       to {@code limit} per topic
 * </ul>
 *
 * Both need the operations credential ({@code reservas.operator.operations-token}, sent in {@code
 * X-Admin-Token}): the service's security chain decides on the routed path, and the controller
 * requires the role again itself.
 */
@RestController
@RequestMapping("/admin/dead-letters")
@PreAuthorize(OperatorRole.HAS_OPERATIONS)
public class DeadLetterReplayController {

  private final List<DeadLetterReplayer> replayers;

  /** The endpoint over one dead-letter topic. */
  public DeadLetterReplayController(DeadLetterReplayer replayer) {
    this(List.of(replayer));
  }

  /** The endpoint over the dead-letter topics of {@code replayers}, one per input topic. */
  public DeadLetterReplayController(List<DeadLetterReplayer> replayers) {
    if (replayers.isEmpty()) {
      throw new IllegalArgumentException("no dead-letter topic to serve");
    }
    this.replayers = List.copyOf(replayers);
  }

  record Pending(String deadLetterTopic, long pending) {}

  /** How many dead letters wait for a replay. */
  @GetMapping
  public Mono<ResponseEntity<Object>> pending() {
    return Mono.fromCallable(
            () -> {
              List<Pending> pending =
                  replayers.stream()
                      .map(r -> new Pending(r.deadLetterTopic(), r.pending()))
                      .toList();
              if (pending.size() == 1) {
                return ResponseEntity.ok().<Object>body(pending.get(0));
              }
              long total = pending.stream().mapToLong(Pending::pending).sum();
              return ResponseEntity.ok()
                  .<Object>body(Map.of("deadLetters", pending, "pending", total));
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** Re-publishes up to {@code limit} dead letters of each topic to their original topic. */
  @PostMapping("/replay")
  public Mono<ResponseEntity<Object>> replay(
      @RequestParam(name = "limit", defaultValue = "1000") int limit) {
    if (limit < 1) {
      return Mono.just(
          ResponseEntity.badRequest().body(Map.of("message", "limit must be at least 1")));
    }
    return Mono.fromCallable(
            () -> {
              List<ReplayResult> replays =
                  replayers.stream().map(replayer -> replayer.replay(limit)).toList();
              return replays.size() == 1
                  ? ResponseEntity.ok().<Object>body(replays.get(0))
                  : ResponseEntity.ok().<Object>body(Map.of("replays", replays));
            })
        .subscribeOn(Schedulers.boundedElastic());
  }
}
