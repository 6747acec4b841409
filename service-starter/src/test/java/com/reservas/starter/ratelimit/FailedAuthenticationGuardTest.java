package com.reservas.starter.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.starter.web.ClientAddresses;
import com.reservas.starter.web.ProblemWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import tools.jackson.databind.json.JsonMapper;

class FailedAuthenticationGuardTest {

  private final RequestLimits limits =
      new RequestLimits(
          new RateLimitSettings(
              true, 100, new RateLimit(3, Duration.ofHours(1)), RateLimit.perSecond(10)),
          new ClientAddresses(List.of()),
          new ProblemWriter(JsonMapper.builder().build()));
  private final FailedAuthenticationGuard guard = new FailedAuthenticationGuard(limits);

  private static MockServerWebExchange from(String address) {
    return MockServerWebExchange.from(
        MockServerHttpRequest.get("/admin/api-clients")
            .remoteAddress(new InetSocketAddress(address, 40000)));
  }

  @Test
  void anAddressThatSpentItsFailuresIsRefusedBeforeAuthentication() {
    for (int i = 0; i < 3; i++) {
      MockServerWebExchange exchange = from("198.51.100.7");
      guard.filter(exchange, e -> reactor.core.publisher.Mono.empty()).block();
      assertThat(exchange.getResponse().getStatusCode()).isNull();
      guard.recordFailure(exchange);
    }
    MockServerWebExchange refused = from("198.51.100.7");
    guard.filter(refused, e -> reactor.core.publisher.Mono.empty()).block();
    assertThat(refused.getResponse().getStatusCode().value()).isEqualTo(429);
    assertThat(refused.getResponse().getHeaders().getFirst("Retry-After")).isNotBlank();

    MockServerWebExchange other = from("198.51.100.8");
    guard.filter(other, e -> reactor.core.publisher.Mono.empty()).block();
    assertThat(other.getResponse().getStatusCode()).isNull();
  }
}
