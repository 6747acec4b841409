package com.reservas.starter.web;

import com.reservas.starter.security.ServiceSecurity;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Keep-alive connections and the sequence that stalled them (reactor/reactor-netty#4361): an answer
 * completed on another thread (as the database driver answers), then requests the security chain
 * refuses at once, with and without a body. Without {@link KeepAliveStallGuard} one of the first
 * few hundred refused requests is never read and the client times out; with it every one answers.
 */
@SpringBootTest(
    classes = KeepAliveStallTest.Service.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reservas.operator.operations-token=an-operations-token-for-this-test",
      // Every refusal here is a failed authentication: unlimited, they stay 401s.
      "reservas.rate-limit.enabled=false"
    })
class KeepAliveStallTest {

  private static final int ROUNDS = 1_500;

  @LocalServerPort int port;

  @Test
  void aRefusalRightAfterAnAnswerFromAnotherThreadNeverStallsTheConnection() {
    WebTestClient client =
        WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(5))
            .build();
    for (int i = 0; i < ROUNDS; i++) {
      client.get().uri("/answers/later").exchange().expectStatus().isOk();
      client.post().uri("/admin/nothing").exchange().expectStatus().isUnauthorized();
      client
          .post()
          .uri("/admin/anything")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"id\": \"refused-" + i + "\"}")
          .exchange()
          .expectStatus()
          .isUnauthorized();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Service {

    @Bean
    SecurityWebFilterChain routes(ServerHttpSecurity http, ServiceSecurity security) {
      return security
          .configure(http, routes -> routes.pathMatchers("/answers/**").permitAll())
          .build();
    }

    @Bean
    Answers answers() {
      return new Answers();
    }
  }

  @RestController
  static class Answers {

    /** Answers from a timer thread, never from the connection's event loop. */
    @GetMapping("/answers/later")
    Mono<String> later() {
      return Mono.delay(Duration.ofMillis(1)).thenReturn("answered");
    }
  }
}
