package com.reservas.reservation.adapter.in.web.security;

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
}
