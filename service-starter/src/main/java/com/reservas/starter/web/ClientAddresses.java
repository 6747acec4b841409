package com.reservas.starter.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a request came from, for rate limits and the audit log. The peer's address, unless the peer
 * is a trusted proxy (an address or CIDR range of {@code
 * reservas.client-addresses.trusted-proxies}): then the header the proxies write ({@code
 * X-Forwarded-For}, or RFC 7239 {@code Forwarded}) is read from the right, skipping trusted
 * proxies, and the first address that is not one of them is the client. Whatever a client writes to
 * the left of that is ignored, so no client chooses its own address; without trusted proxies the
 * headers are not read at all. Only IP literals are accepted (never a name to resolve).
 *
 * <p>Limits are counted per {@link #bucketOf bucket}: an IPv4 address, or the /64 network of an
 * IPv6 address — one subscriber's allocation — so a client cannot dodge its limit by hopping
 * through the 2^64 addresses of its own network.
 */
public final class ClientAddresses {

  public static final String FORWARDED_FOR = "X-Forwarded-For";
  public static final String FORWARDED = "Forwarded";
  static final String UNKNOWN = "unknown";
  private static final String ATTRIBUTE = ClientAddresses.class.getName();
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");
  private static final int IPV6_BUCKET_PREFIX = 64;

  private final List<Cidr> trustedProxies;
  private final String header;

  /** Trusted proxies that write {@code X-Forwarded-For}. */
  public ClientAddresses(List<String> trustedProxies) {
    this(trustedProxies, FORWARDED_FOR);
  }

  /**
   * @param trustedProxies addresses and CIDR ranges of the reverse proxies in front
   * @param header the header those proxies write: {@value #FORWARDED_FOR} or {@value #FORWARDED}
   */
  public ClientAddresses(List<String> trustedProxies, String header) {
    this.trustedProxies = trustedProxies.stream().map(Cidr::parse).toList();
    if (!header.equalsIgnoreCase(FORWARDED_FOR) && !header.equalsIgnoreCase(FORWARDED)) {
      throw new IllegalArgumentException(
          "reservas.client-addresses.forwarded-header must be "
              + FORWARDED_FOR
              + " or "
              + FORWARDED
              + ", not "
              + header);
    }
    this.header = header;
  }

  /** The client's IP address as text (at most 45 characters), resolved once per request. */
  public String of(ServerWebExchange exchange) {
    String known = exchange.getAttribute(ATTRIBUTE);
    if (known != null) {
      return known;
    }
    String resolved = resolve(exchange).map(ClientAddresses::text).orElse(UNKNOWN);
    exchange.getAttributes().put(ATTRIBUTE, resolved);
    return resolved;
  }

  /**
   * The address a client's limits are counted under: its IPv4 address, or the /64 network of its
   * IPv6 address (e.g. {@code 2001:db8:1:2::/64}).
   */
  public String bucketOf(ServerWebExchange exchange) {
    Optional<InetAddress> address = literal(of(exchange));
    if (address.isPresent() && address.get() instanceof Inet6Address v6) {
      return text(Cidr.network(v6, IPV6_BUCKET_PREFIX)) + "/" + IPV6_BUCKET_PREFIX;
    }
    return of(exchange);
  }

  private Optional<InetAddress> resolve(ServerWebExchange exchange) {
    Optional<InetAddress> peer = peer(exchange.getRequest().getRemoteAddress());
    if (peer.isEmpty() || !trusted(peer.get())) {
      return peer;
    }
    List<String> hops = hops(exchange);
    InetAddress nearest = peer.get();
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = literal(hops.get(i));
      if (hop.isEmpty()) {
        // "unknown", an obfuscated identifier or garbage: the nearest trusted proxy is all we know.
        return Optional.of(nearest);
      }
      if (!trusted(hop.get())) {
        return hop;
      }
      nearest = hop.get();
    }
    return Optional.of(nearest);
  }

  /** The hops the proxies reported, client first, in the configured header. */
  private List<String> hops(ServerWebExchange exchange) {
    List<String> values = exchange.getRequest().getHeaders().getValuesAsList(header);
    if (header.equalsIgnoreCase(FORWARDED_FOR)) {
      return values.stream().map(String::strip).toList();
    }
    List<String> hops = new ArrayList<>();
    for (String value : values) {
      for (String element : value.split(",")) {
        String forValue = null;
        for (String pair : element.split(";")) {
          int equals = pair.indexOf('=');
          if (equals > 0
              && pair.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("for")) {
            forValue = pair.substring(equals + 1).strip();
          }
        }
        hops.add(forValue == null ? "" : forNode(forValue));
      }
    }
    return hops;
  }

  /**
   * {@code "[2001:db8::1]:4711"} → {@code 2001:db8::1}; {@code 192.0.2.1:80} → {@code 192.0.2.1}.
   */
  private static String forNode(String value) {
    String node =
        value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
            ? value.substring(1, value.length() - 1)
            : value;
    if (node.startsWith("[")) {
      int close = node.indexOf(']');
      return close > 0 ? node.substring(1, close) : "";
    }
    int colon = node.indexOf(':');
    return colon > 0 && node.indexOf(':', colon + 1) < 0 ? node.substring(0, colon) : node;
  }

  private boolean trusted(InetAddress address) {
    return trustedProxies.stream().anyMatch(range -> range.contains(address));
  }

  private static Optional<InetAddress> peer(InetSocketAddress remote) {
    if (remote == null) {
      return Optional.empty();
    }
    if (remote.getAddress() != null) {
      return Optional.of(remote.getAddress());
    }
    return literal(remote.getHostString());
  }

  /** An address in its canonical text: IPv4 dotted, IPv6 as RFC 5952 writes it ({@code ::1}). */
  static String text(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address.getHostAddress();
    }
    byte[] bytes = address.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; i++) {
      int length = 0;
      while (i + length < 8 && groups[i + length] == 0) {
        length++;
      }
      if (length > bestLength) {
        bestStart = i;
        bestLength = length;
      }
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  /** An IP literal, parsed without any name lookup; empty for anything else. */
  static Optional<InetAddress> literal(String text) {
    if (text == null || text.length() > 45) {
      return Optional.empty();
    }
    boolean v4 = IPV4.matcher(text).matches();
    if (!v4 && !IPV6.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      if (v4) {
        String[] parts = text.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
          int part = Integer.parseInt(parts[i]);
          if (part > 255) {
            return Optional.empty();
          }
          bytes[i] = (byte) part;
        }
        return Optional.of(InetAddress.getByAddress(bytes));
      }
      // A string with a colon is parsed as an IPv6 literal, never looked up.
      return Optional.of(InetAddress.getByName(text));
    } catch (UnknownHostException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** An address range: a network address and a prefix length. */
  record Cidr(byte[] network, int prefix) {

    static Cidr parse(String text) {
      String trimmed = text.strip();
      int slash = trimmed.indexOf('/');
      String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
      InetAddress parsed =
          literal(address)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "reservas.client-addresses.trusted-proxies: '"
                              + text
                              + "' is not an IP address or CIDR range"));
      int bits = parsed.getAddress().length * 8;
      int prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException(
            "reservas.client-addresses.trusted-proxies: bad prefix length in '" + text + "'");
      }
      return new Cidr(network(parsed, prefix).getAddress(), prefix);
    }

    boolean contains(InetAddress address) {
      byte[] bytes = address.getAddress();
      return bytes.length == network.length
          && Arrays.equals(network(address, prefix).getAddress(), network);
    }

    static InetAddress network(InetAddress address, int prefix) {
      byte[] bytes = address.getAddress().clone();
      for (int bit = prefix; bit < bytes.length * 8; bit++) {
        bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
      }
      try {
        return InetAddress.getByAddress(bytes);
      } catch (UnknownHostException impossible) {
        throw new IllegalStateException(impossible);
      }
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Cidr cidr
          && prefix == cidr.prefix
          && Arrays.equals(network, cidr.network);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
      try {
        return text(InetAddress.getByAddress(network)) + "/" + prefix;
      } catch (UnknownHostException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
  }
}
