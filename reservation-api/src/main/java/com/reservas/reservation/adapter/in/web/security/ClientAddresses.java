package com.reservas.reservation.adapter.in.web.security;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a request came from, for rate limiting and the audit log: the peer's address, or, when the
 * peer is one of the configured trusted proxies, the right-most address in {@code X-Forwarded-For}
 * that is not a trusted proxy. Without trusted proxies the header is ignored, so a client cannot
 * choose its own address.
 */
public final class ClientAddresses {

  public static final String FORWARDED_FOR = "X-Forwarded-For";
  static final String UNKNOWN = "unknown";
  private static final String ATTRIBUTE = ClientAddresses.class.getName();
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private final Set<String> trustedProxies;

  public ClientAddresses(List<String> trustedProxies) {
    this.trustedProxies = Set.copyOf(trustedProxies);
  }

  /** The client's IP address as text (at most 45 characters), resolved once per request. */
  public String of(ServerWebExchange exchange) {
    String known = exchange.getAttribute(ATTRIBUTE);
    if (known != null) {
      return known;
    }
    String resolved = resolve(exchange);
    exchange.getAttributes().put(ATTRIBUTE, resolved);
    return resolved;
  }

  private String resolve(ServerWebExchange exchange) {
    String peer = peer(exchange.getRequest().getRemoteAddress());
    if (!trustedProxies.contains(peer)) {
      return peer;
    }
    List<String> forwarded = exchange.getRequest().getHeaders().getValuesAsList(FORWARDED_FOR);
    for (int i = forwarded.size() - 1; i >= 0; i--) {
      String hop = forwarded.get(i).strip();
      if (!IP_LITERAL.matcher(hop).matches()) {
        return peer;
      }
      if (!trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return peer;
  }

  private static String peer(InetSocketAddress remote) {
    if (remote == null) {
      return UNKNOWN;
    }
    if (remote.getAddress() != null) {
      return remote.getAddress().getHostAddress();
    }
    String host = remote.getHostString();
    return host != null && IP_LITERAL.matcher(host).matches() ? host : UNKNOWN;
  }
}
