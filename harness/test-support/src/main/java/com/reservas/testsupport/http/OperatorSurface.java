package com.reservas.testsupport.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service's operator surface as an outsider probes it: its operator routes (on the service port)
 * and its actuator endpoints (on the management port) under every {@linkplain PathSpellings
 * spelling}, without a credential, with a wrong one, and with the credential of another purpose.
 *
 * @param service the service's own port
 * @param management the actuator's port (the same as {@code service} when there is no separate
 *     management port)
 * @param metricsCredential the credential that opens Prometheus only
 * @param operationsCredential the credential that opens the operator routes, not Prometheus
 */
public record OperatorSurface(
    RawHttp service, RawHttp management, String metricsCredential, String operationsCredential) {

  /** The dead-letter endpoints every consumer gets from consumer-support. */
  public static final List<Route> DEAD_LETTER_ROUTES =
      List.of(Route.get("/admin/dead-letters"), Route.post("/admin/dead-letters/replay?limit=1"));

  /** One route: method and path (with query, if any). */
  public record Route(String method, String path) {
    public static Route get(String path) {
      return new Route("GET", path);
    }

    public static Route post(String path) {
      return new Route("POST", path);
    }
  }

  /**
   * Every answer that is not a problem+json refusal, for {@code operationsRoutes} (service port)
   * and {@code actuatorPaths} (management port, GET) with no, a wrong or the metrics credential,
   * and for Prometheus with the operations credential. Empty when the surface holds.
   */
  public List<String> servedWithoutTheirCredential(
      List<Route> operationsRoutes, List<String> actuatorPaths) {
    List<String> served = new ArrayList<>();
    for (Map<String, String> credential :
        List.of(
            Map.<String, String>of(),
            Map.of("X-Admin-Token", "wrong"),
            Map.of("X-Admin-Token", metricsCredential),
            Map.of("Authorization", "Bearer " + metricsCredential))) {
      for (Route route : operationsRoutes) {
        served.addAll(
            PathSpellings.notRefused(service, route.method(), route.path(), credential, null));
      }
      for (String path : actuatorPaths) {
        served.addAll(PathSpellings.notRefused(management, "GET", path, credential, null));
      }
    }
    served.addAll(
        PathSpellings.notRefused(
            management,
            "GET",
            "/actuator/prometheus",
            Map.of("X-Admin-Token", operationsCredential),
            null));
    return served;
  }
}
