package com.reservas.consumer.support.deadletter;

import com.reservas.starter.security.OperatorRole;
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
 * Operators' endpoint for the dead-letter topic:
 *
 * <ul>
 *   <li>{@code GET /admin/dead-letters} → {@code {"deadLetterTopic": ..., "pending": n}}
 *   <li>{@code POST /admin/dead-letters/replay[?limit=n]} → a {@link ReplayResult}
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

  private final DeadLetterReplayer replayer;

  /** The endpoint over {@code replayer}. */
  public DeadLetterReplayController(DeadLetterReplayer replayer) {
    this.replayer = replayer;
  }

  /** How many dead letters wait for a replay. */
  @GetMapping
  public Mono<ResponseEntity<Object>> pending() {
    return Mono.fromCallable(
            () ->
                ResponseEntity.ok()
                    .<Object>body(
                        Map.of(
                            "deadLetterTopic",
                            replayer.deadLetterTopic(),
                            "pending",
                            replayer.pending())))
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** Re-publishes up to {@code limit} dead letters to their original topic. */
  @PostMapping("/replay")
  public Mono<ResponseEntity<Object>> replay(
      @RequestParam(name = "limit", defaultValue = "1000") int limit) {
    if (limit < 1) {
      return Mono.just(
          ResponseEntity.badRequest().body(Map.of("message", "limit must be at least 1")));
    }
    return Mono.fromCallable(() -> ResponseEntity.ok().<Object>body(replayer.replay(limit)))
        .subscribeOn(Schedulers.boundedElastic());
  }
}
