package com.reservas.reservation.application.port.out;

import java.net.InetAddress;
import java.util.List;
import reactor.core.publisher.Mono;

/** Outgoing port: the addresses a host name resolves to (DNS), empty when it does not resolve. */
@FunctionalInterface
public interface HostResolver {

  /** The addresses of {@code host}; an empty list when it has none. */
  Mono<List<InetAddress>> resolve(String host);
}
