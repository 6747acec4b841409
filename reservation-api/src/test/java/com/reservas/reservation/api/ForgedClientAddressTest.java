package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A client that writes X-Forwarded-For or Forwarded itself chooses neither its rate-limit bucket
 * nor the address in the audit log — also on Kubernetes, where Spring Boot would otherwise let the
 * web server take the address from those headers by default. No proxy is trusted here.
 */
@TestPropertySource(
    properties = {
      "spring.main.cloud-platform=kubernetes",
      "reservas.rate-limit.enabled=true",
      "reservas.rate-limit.create.limit-for-period=2",
      "reservas.rate-limit.create.refresh-period=1h"
    })
class ForgedClientAddressTest extends ApiTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    useDatabaseOf(ForgedClientAddressTest.class, registry);
  }

  @Test
  void aForgedForwardingHeaderChangesNeitherTheBucketNorTheAuditedAddress() {
    post(http.mutate().defaultHeader("X-Forwarded-For", "203.0.113.1").build(), VALID_BODY)
        .expectStatus()
        .isCreated();
    post(http.mutate().defaultHeader("Forwarded", "for=203.0.113.2").build(), VALID_BODY)
        .expectStatus()
        .isCreated();
    post(
            http.mutate()
                .defaultHeader("X-Forwarded-For", "203.0.113.3")
                .defaultHeader("Forwarded", "for=\"[2001:db8::3]\"")
                .build(),
            VALID_BODY)
        .expectStatus()
        .isEqualTo(429);

    assertThat(auditedAddresses()).hasSize(2).allMatch(ForgedClientAddressTest::isLoopback);
  }

  private List<String> auditedAddresses() {
    List<String> addresses = new ArrayList<>();
    try (Connection c = database(getClass()).connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT source_ip FROM audit_log WHERE action = 'reservation.created'")) {
      while (rs.next()) {
        addresses.add(rs.getString(1));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return addresses;
  }

  private static boolean isLoopback(String address) {
    return address.equals("127.0.0.1") || address.equals("::1");
  }
}
