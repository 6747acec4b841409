package com.reservas.projector.adapter.in.web;

import com.reservas.consumer.support.deadletter.DeadLetterReplayer;
import com.reservas.consumer.support.deadletter.ReplayResult;
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
 * The projector's dead letters, listed and replayed as the consumers' are (consumer-support's
 * {@link DeadLetterReplayer}), for both its input topics:
 *
 * <ul>
 *   <li>{@code GET /admin/dead-letters} → {@code {"deadLetters": [{"deadLetterTopic", "pending"}],
 *       "pending": total}}
 *   <li>{@code POST /admin/dead-letters/replay[?limit=n]} → {@code {"replays": [ReplayResult]}}, up
 *       to {@code limit} per topic
 * </ul>
 *
 * With the operations credential; the security chain decides on the routed path and the controller
 * requires the role again itself.
 */
@RestController
@RequestMapping("/admin/dead-letters")
@PreAuthorize(OperatorRole.HAS_OPERATIONS)
public class DeadLettersController {

  private final List<DeadLetterReplayer> replayers;

  public DeadLettersController(List<DeadLetterReplayer> replayers) {
    this.replayers = List.copyOf(replayers);
  }

  record Pending(String deadLetterTopic, long pending) {}

  @GetMapping
  Mono<ResponseEntity<Object>> pending() {
    return Mono.fromCallable(
            () -> {
              List<Pending> pending =
                  replayers.stream()
                      .map(r -> new Pending(r.deadLetterTopic(), r.pending()))
                      .toList();
              long total = pending.stream().mapToLong(Pending::pending).sum();
              return ResponseEntity.ok()
                  .<Object>body(Map.of("deadLetters", pending, "pending", total));
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  @PostMapping("/replay")
  Mono<ResponseEntity<Object>> replay(
      @RequestParam(name = "limit", defaultValue = "1000") int limit) {
    if (limit < 1) {
      return Mono.just(
          ResponseEntity.badRequest().body(Map.of("message", "limit must be at least 1")));
    }
    return Mono.fromCallable(
            () -> {
              List<ReplayResult> replays =
                  replayers.stream().map(replayer -> replayer.replay(limit)).toList();
              return ResponseEntity.ok().<Object>body(Map.of("replays", replays));
            })
        .subscribeOn(Schedulers.boundedElastic());
  }
}
