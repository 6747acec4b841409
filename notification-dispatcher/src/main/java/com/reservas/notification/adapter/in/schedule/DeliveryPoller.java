package com.reservas.notification.adapter.in.schedule;

import com.reservas.notification.application.DispatchDueDeliveries;
import com.reservas.reservation.adapter.out.persistence.R2dbcPolicyLease;
import com.reservas.reservation.application.port.out.WebhookDeliveryStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a round of {@link DispatchDueDeliveries} every {@code interval}, on the replica that holds
 * the {@code webhook-dispatch} lease (one sender at a time keeps each reservation's order; a
 * standby takes over once the lease expires). Rounds never overlap. Also publishes the backlog per
 * endpoint ({@code reservas.webhook.backlog}).
 */
public final class DeliveryPoller implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeliveryPoller.class);

  private final DispatchDueDeliveries dispatch;
  private final R2dbcPolicyLease lease;
  private final WebhookDeliveryStore deliveries;
  private final MultiGauge backlog;
  private final Duration interval;
  private volatile Disposable running;

  public DeliveryPoller(
      DispatchDueDeliveries dispatch,
      R2dbcPolicyLease lease,
      WebhookDeliveryStore deliveries,
      MeterRegistry registry,
      Duration interval) {
    this.dispatch = dispatch;
    this.lease = lease;
    this.deliveries = deliveries;
    this.interval = interval;
    this.backlog =
        MultiGauge.builder("reservas.webhook.backlog")
            .description("Webhook deliveries waiting, per endpoint")
            .register(registry);
  }

  @Override
  public void start() {
    running =
        Flux.interval(interval).onBackpressureDrop().concatMap(tick -> round(), 1).subscribe();
  }

  private Mono<Void> round() {
    return lease
        .acquire()
        .flatMap(
            held ->
                held
                    ? dispatch
                        .runOnce()
                        .doOnNext(
                            attempts -> {
                              if (attempts > 0) {
                                log.debug("Webhook round: {} attempts", attempts);
                              }
                            })
                        .then(measureBacklog())
                    : Mono.empty())
        .onErrorResume(
            error -> {
              log.warn("Webhook round failed, next in {}: {}", interval, error.toString());
              return Mono.empty();
            })
        .then();
  }

  private Mono<Void> measureBacklog() {
    return deliveries
        .backlog()
        .doOnNext(
            rows ->
                backlog.register(
                    rows.stream()
                        .map(
                            row ->
                                MultiGauge.Row.of(
                                    Tags.of("endpoint", row.endpointId()), row.pending()))
                        .collect(Collectors.toList()),
                    true))
        .then();
  }

  @Override
  public void stop() {
    Disposable current = running;
    if (current != null) {
      current.dispose();
    }
    lease.release().onErrorResume(e -> Mono.empty()).block(Duration.ofSeconds(5));
  }

  @Override
  public boolean isRunning() {
    Disposable current = running;
    return current != null && !current.isDisposed();
  }
}
