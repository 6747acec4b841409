package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.testsupport.http.PathSpellings;
import com.reservas.testsupport.http.RawHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every protected route of the API, spelled every way a string comparison could miss it ({@code
 * /%61dmin}, {@code /%41DMIN}, {@code %2F}, {@code //}, {@code /./}, {@code ;x}, a trailing {@code
 * /}...), is refused without the right credential: 400, 401, 403 or 404 as problem+json, never 200
 * and never 5xx. The decision is made on what is routed, so no spelling reaches a handler
 * unauthorized — and nothing changes: the partner's key still works afterwards.
 */
class DodgedPathsTest extends ApiTest {

  private static final String CODE = "AAAAAAAA";

  /** Method, path and body of every route that needs a credential. */
  private static final List<String[]> PROTECTED =
      List.of(
          new String[] {"GET", "/admin/api-clients", null},
          new String[] {"POST", "/admin/api-clients", "{\"id\": \"intruder\", \"name\": \"X\"}"},
          new String[] {"POST", "/admin/api-clients/client-b/key", null},
          new String[] {"POST", "/admin/api-clients/client-b/revocation", null},
          new String[] {"GET", "/admin/audit?reservation=" + CODE, null},
          new String[] {"GET", "/api/v1/offices", null},
          new String[] {"GET", "/api/v1/suppliers", null},
          new String[] {"GET", "/api/v1/vehicle-categories", null},
          new String[] {"GET", "/api/v1/reservations/" + CODE, null},
          new String[] {"POST", "/api/v1/reservations", VALID_BODY},
          new String[] {"POST", "/api/v1/reservations/" + CODE + "/cancellation", null});

  /** Operator routes, served on the management port when there is one. */
  private static final List<String[]> OPERATOR_ENDPOINTS =
      List.of(
          new String[] {"GET", "/actuator/prometheus", null},
          new String[] {"GET", "/actuator/metrics", null},
          new String[] {"GET", "/actuator/info", null});

  @DynamicPropertySource
  static void db(DynamicPropertyRegistry registry) {
    useDatabaseOf(DodgedPathsTest.class, registry);
  }

  @Test
  void noSpellingOfAProtectedRouteIsServedWithoutItsCredential() {
    RawHttp api = new RawHttp("127.0.0.1", port);
    RawHttp management = new RawHttp("127.0.0.1", managementPort);
    List<String> served = new ArrayList<>();
    probe(api, PROTECTED, Map.of(), served);
    probe(api, OPERATOR_ENDPOINTS, Map.of(), served);
    probe(management, OPERATOR_ENDPOINTS, Map.of(), served);
    assertThat(served).as("answers that are not a problem+json refusal").isEmpty();
    assertPartnerUntouched();
  }

  @Test
  void anApiClientKeyOpensNoOperatorRouteUnderAnySpelling() {
    RawHttp api = new RawHttp("127.0.0.1", port);
    RawHttp management = new RawHttp("127.0.0.1", managementPort);
    List<String> served = new ArrayList<>();
    Map<String, String> clientKey = Map.of("X-Api-Key", CLIENT_A_KEY);
    probe(api, PROTECTED.subList(0, 5), clientKey, served);
    probe(api, OPERATOR_ENDPOINTS, clientKey, served);
    probe(management, OPERATOR_ENDPOINTS, clientKey, served);
    assertThat(served).as("answers that are not a problem+json refusal").isEmpty();
    assertPartnerUntouched();
  }

  private static void probe(
      RawHttp http, List<String[]> routes, Map<String, String> headers, List<String> served) {
    for (String[] route : routes) {
      served.addAll(PathSpellings.notRefused(http, route[0], route[1], headers, route[2]));
    }
  }

  /** The rotation and revocation routes were never reached: client B's key still works. */
  private void assertPartnerUntouched() {
    http.get()
        .uri("/api/v1/offices")
        .header("X-Api-Key", CLIENT_B_KEY)
        .exchange()
        .expectStatus()
        .isOk();
    assertThat(count("api_client")).isEqualTo(2);
  }
}
