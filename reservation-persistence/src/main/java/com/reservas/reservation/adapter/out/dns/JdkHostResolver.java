package com.reservas.reservation.adapter.out.dns;

import com.reservas.reservation.application.port.out.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Resolves with the JDK's resolver (the system's DNS), off the event loop: the lookup blocks. A
 * name that does not resolve has no addresses (not an error: a partner may register before its DNS
 * is live; its deliveries fail until then). An IP literal is its own address, without a lookup.
 */
public final class JdkHostResolver implements HostResolver {

  @Override
  public Mono<List<InetAddress>> resolve(String host) {
    return Mono.fromCallable(() -> List.of(InetAddress.getAllByName(host)))
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorResume(UnknownHostException.class, unknown -> Mono.just(List.of()));
  }
}
