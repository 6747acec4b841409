package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Each API client has its own quota, stored with it and set through key administration, counted
 * over all its addresses in addition to the per-address limits — and a partner behind one address
 * is limited by its quota, not as one anonymous address. Quotas are counted per hour here, so the
 * test needs no clock.
 */
@TestPropertySource(
    properties = {
      "reservas.rate-limit.enabled=true",
      "reservas.rate-limit.create.limit-for-period=2",
      "reservas.rate-limit.create.refresh-period=1h",
      "reservas.rate-limit.client-quota.creations-per-second=50",
      "reservas.rate-limit.client-quota.period=1h",
      "reservas.client-addresses.trusted-proxies=127.0.0.1,::1"
    })
class ClientQuotaTest extends ApiTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    useDatabaseOf(ClientQuotaTest.class, registry);
  }

  @Test
  void aPartnerBehindOneAddressHasBucketsOfItsOwnAndItsQuotaOverAllItsAddresses() {
    admin()
        .put()
        .uri("/admin/api-clients/client-b/quota")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"creationsPerSecond\": 3}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json(
            "{\"id\": \"client-b\", \"creationsPerSecond\": 3, \"readsPerSecond\": 100,"
                + " \"defaultQuota\": false}");

    WebTestClient partnerNat = from("203.0.113.70", CLIENT_B_KEY);
    create(partnerNat).expectStatus().isCreated();
    create(partnerNat).expectStatus().isCreated();
    create(partnerNat)
        .expectStatus()
        .isEqualTo(429)
        .expectBody()
        .jsonPath("$.detail")
        .value(String.class, detail -> assertThat(detail).contains("from your address"));

    // another client behind the same address is not limited with it as one address
    create(from("203.0.113.70", CLIENT_A_KEY)).expectStatus().isCreated();

    // the quota counts over all the client's addresses: one more creation, then 429
    WebTestClient partnerElsewhere = from("198.51.100.71", CLIENT_B_KEY);
    create(partnerElsewhere).expectStatus().isCreated();
    create(partnerElsewhere)
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .exists("Retry-After")
        .expectBody()
        .jsonPath("$.detail")
        .value(String.class, detail -> assertThat(detail).contains("quota of 3 creations"));
  }

  @Test
  void theQuotaIsStoredListedAuditedAndCanGoBackToTheDefault() throws SQLException {
    admin()
        .put()
        .uri("/admin/api-clients/client-a/quota")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"creationsPerSecond\": 7, \"readsPerSecond\": 70}")
        .exchange()
        .expectStatus()
        .isOk();
    assertThat(query("SELECT creations_per_second FROM api_client WHERE id = 'client-a'"))
        .isEqualTo("7");
    admin()
        .get()
        .uri("/admin/api-clients")
        .exchange()
        .expectBody()
        .jsonPath("$[?(@.id == 'client-a')].readsPerSecond")
        .isEqualTo(70);
    assertThat(
            query(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'api-client.quota-changed'"
                    + " AND details LIKE 'client client-a %'"))
        .isEqualTo("1");

    admin()
        .put()
        .uri("/admin/api-clients/client-a/quota")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.defaultQuota")
        .isEqualTo(true)
        .jsonPath("$.creationsPerSecond")
        .isEqualTo(50);
    assertThat(query("SELECT creations_per_second FROM api_client WHERE id = 'client-a'")).isNull();
  }

  @Test
  void anInvalidQuotaOrAnUnknownClientChangesNothing() {
    admin()
        .put()
        .uri("/admin/api-clients/client-a/quota")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"creationsPerSecond\": 0, \"readsPerSecond\": \"many\", \"burst\": 9}")
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors.length()")
        .isEqualTo(3);
    admin()
        .put()
        .uri("/admin/api-clients/nobody/quota")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"creationsPerSecond\": 9}")
        .exchange()
        .expectStatus()
        .isNotFound();
    http.put()
        .uri("/admin/api-clients/client-a/quota")
        .header("X-Api-Key", CLIENT_A_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"creationsPerSecond\": 9999}")
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  private WebTestClient admin() {
    return http.mutate().defaultHeader("X-Admin-Token", "test-admin-token").build();
  }

  private WebTestClient from(String address, String key) {
    return http.mutate()
        .defaultHeader("X-Forwarded-For", address)
        .defaultHeader("X-Api-Key", key)
        .build();
  }

  private static WebTestClient.ResponseSpec create(WebTestClient client) {
    return client
        .post()
        .uri("/api/v1/reservations")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(VALID_BODY)
        .exchange();
  }

  private String query(String sql) throws SQLException {
    try (Connection c = database(getClass()).connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
