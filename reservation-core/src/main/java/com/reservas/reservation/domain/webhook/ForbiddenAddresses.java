package com.reservas.reservation.domain.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The addresses a webhook is never sent to, whatever name resolved to them: the platform's own
 * network must not be reachable through a partner's URL (server-side request forgery). Checked on
 * the resolved address, both when an endpoint is registered and when each delivery connects, so a
 * name that resolves elsewhere later (DNS rebinding) gains nothing.
 */
public final class ForbiddenAddresses {

  private ForbiddenAddresses() {}

  /**
   * Whether {@code address} is loopback, unspecified, private (RFC 1918, IPv6 unique-local), shared
   * (RFC 6598), link-local (which holds the cloud metadata services, 169.254.169.254 and
   * fd00:ec2::254 alike), multicast, or otherwise not a public unicast address.
   */
  public static boolean isForbidden(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      byte[] b = v6.getAddress();
      if (isIpv4Embedded(b)) {
        return isForbidden(ipv4(b[12], b[13], b[14], b[15]));
      }
      int first = b[0] & 0xff;
      return v6.isAnyLocalAddress()
          || v6.isLoopbackAddress()
          || v6.isLinkLocalAddress()
          || v6.isSiteLocalAddress()
          || v6.isMulticastAddress()
          || (first & 0xfe) == 0xfc // fc00::/7 unique local (fd00:ec2::254 is in it)
          || (first == 0x20
              && (b[1] & 0xff) == 0x01
              && (b[2] & 0xff) == 0x0d
              && (b[3] & 0xff) == 0xb8)
          || first == 0x01 && b[1] == 0 && allZero(b, 2, 8) // 100::/64 discard
          || (first == 0x20 && (b[1] & 0xff) == 0x02); // 2002::/16 6to4 may wrap anything
    }
    byte[] b = address.getAddress();
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    return a0 == 0 // 0.0.0.0/8 "this network"
        || a0 == 10
        || a0 == 127
        || (a0 == 100 && (a1 & 0xc0) == 64) // 100.64.0.0/10 shared (carrier NAT, Alibaba metadata)
        || (a0 == 169 && a1 == 254) // link local, cloud metadata
        || (a0 == 172 && (a1 & 0xf0) == 16)
        || (a0 == 192 && a1 == 168)
        || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
        || (a0 == 198 && (a1 & 0xfe) == 18) // 198.18.0.0/15 benchmarking
        || a0 >= 224; // multicast, reserved, broadcast
  }

  private static boolean isIpv4Embedded(byte[] b) {
    boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = allZero(b, 0, 12) && !(allZero(b, 12, 15) && (b[15] & 0xff) <= 1);
    boolean nat64 =
        (b[0] & 0xff) == 0x00
            && (b[1] & 0xff) == 0x64
            && (b[2] & 0xff) == 0xff
            && (b[3] & 0xff) == 0x9b
            && allZero(b, 4, 12);
    return mapped || compatible || nat64;
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static InetAddress ipv4(byte a, byte b, byte c, byte d) {
    try {
      return Inet4Address.getByAddress(new byte[] {a, b, c, d});
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
