package com.reservas.starter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ClientAddressesTest {

  private static MockServerWebExchange from(String peer, String... forwardedFor) {
    return MockServerWebExchange.from(
        MockServerHttpRequest.get("/api/v1/offices")
            .remoteAddress(new InetSocketAddress(peer, 40000))
            .header(ClientAddresses.FORWARDED_FOR, forwardedFor));
  }

  private static MockServerWebExchange forwarded(String peer, String... forwarded) {
    return MockServerWebExchange.from(
        MockServerHttpRequest.get("/api/v1/offices")
            .remoteAddress(new InetSocketAddress(peer, 40000))
            .header(ClientAddresses.FORWARDED, forwarded));
  }

  @Test
  void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
    ClientAddresses addresses = new ClientAddresses(List.of());

    assertThat(addresses.of(from("198.51.100.7", "203.0.113.1"))).isEqualTo("198.51.100.7");
  }

  @Test
  void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
    ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.5", "10.0.0.6"));

    assertThat(addresses.of(from("10.0.0.5", "203.0.113.1, 198.51.100.2, 10.0.0.6")))
        .as("the left-most entries are whatever the client claimed")
        .isEqualTo("198.51.100.2");
    assertThat(addresses.of(from("10.0.0.5"))).isEqualTo("10.0.0.5");
  }

  @Test
  void aForwardedValueThatIsNotAnAddressFallsBackToThePeer() {
    ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.5"));

    assertThat(addresses.of(from("10.0.0.5", "<script>alert(1)</script>"))).isEqualTo("10.0.0.5");
    assertThat(addresses.of(from("10.0.0.5", "x".repeat(100)))).isEqualTo("10.0.0.5");
  }

  @Test
  void anUntrustedPeerCannotChooseItsAddress() {
    ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.5"));

    assertThat(addresses.of(from("198.51.100.9", "10.0.0.5, 203.0.113.1")))
        .isEqualTo("198.51.100.9");
  }

  @Test
  void trustedProxiesAreGivenAsCidrRanges() {
    ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "fd00::/8"));

    assertThat(addresses.of(from("10.1.2.3", "203.0.113.7, 10.200.0.9"))).isEqualTo("203.0.113.7");
    assertThat(addresses.of(from("fd12:3456::1", "198.51.100.4"))).isEqualTo("198.51.100.4");
    assertThat(addresses.of(from("11.0.0.1", "203.0.113.7")))
        .as("outside the range: the peer is the client")
        .isEqualTo("11.0.0.1");
  }

  @Test
  void theStandardForwardedHeaderIsReadWhenTheProxiesWriteIt() {
    ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8"), "Forwarded");

    assertThat(
            addresses.of(
                forwarded(
                    "10.0.0.5",
                    "for=192.0.2.43;proto=https, for=\"[2001:db8:cafe::17]:4711\", for=10.0.0.6")))
        .isEqualTo("2001:db8:cafe::17");
    assertThat(addresses.of(forwarded("10.0.0.5", "for=unknown")))
        .as("an unknown or obfuscated client is known only by its nearest proxy")
        .isEqualTo("10.0.0.5");
    assertThat(addresses.of(from("10.0.0.5", "203.0.113.9")))
        .as("the other header is not read: a client could have written it")
        .isEqualTo("10.0.0.5");
  }

  @Test
  void namesAreNeverResolved() {
    ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.5"));

    assertThat(addresses.of(from("10.0.0.5", "localhost"))).isEqualTo("10.0.0.5");
    assertThat(addresses.of(from("10.0.0.5", "999.1.1.1"))).isEqualTo("10.0.0.5");
  }

  @Test
  void anIpv6ClientIsLimitedAsItsSlash64AndAnIpv4ClientAsItself() {
    ClientAddresses addresses = new ClientAddresses(List.of());

    assertThat(addresses.bucketOf(from("2001:db8:1:2:aaaa::1")))
        .isEqualTo(addresses.bucketOf(from("2001:db8:1:2:bbbb:cccc:dddd:eeee")))
        .isEqualTo("2001:db8:1:2::/64");
    assertThat(addresses.bucketOf(from("2001:db8:1:3::1"))).isEqualTo("2001:db8:1:3::/64");
    assertThat(addresses.of(from("2001:db8:1:2:aaaa::1")))
        .as("the audit log keeps the whole address, in RFC 5952 form")
        .isEqualTo("2001:db8:1:2:aaaa::1");
    assertThat(addresses.of(from("0:0:0:0:0:0:0:1"))).isEqualTo("::1");
    assertThat(addresses.of(from("2001:0DB8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
    assertThat(addresses.bucketOf(from("198.51.100.7"))).isEqualTo("198.51.100.7");
  }

  @Test
  void aTrustedProxyEntryThatIsNoAddressStopsTheStart() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new ClientAddresses(List.of("proxy.internal")))
        .hasMessageContaining("reservas.client-addresses.trusted-proxies")
        .hasMessageContaining("proxy.internal");
  }
}
