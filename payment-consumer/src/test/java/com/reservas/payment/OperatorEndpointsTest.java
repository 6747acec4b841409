package com.reservas.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.payment.support.PaymentConsumerIntegrationTest;
import com.reservas.testsupport.http.OperatorSurface;
import com.reservas.testsupport.http.RawHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The payment consumer's operator surfaces (dead-letter replay, actuator) answer their own
 * credential only, however the path is spelled; health shows no details without the operations
 * credential.
 */
class OperatorEndpointsTest extends PaymentConsumerIntegrationTest {

  @Test
  void noSpellingOfAnOperatorRouteIsServedWithoutItsCredential() {
    OperatorSurface surface =
        new OperatorSurface(
            new RawHttp("127.0.0.1", port),
            new RawHttp("127.0.0.1", managementPort),
            METRICS_TOKEN,
            OPERATIONS_TOKEN);
    assertThat(
            surface.servedWithoutTheirCredential(
                OperatorSurface.DEAD_LETTER_ROUTES,
                List.of("/actuator/circuitbreakers", "/actuator/metrics")))
        .as("answers that are not a problem+json refusal")
        .isEmpty();
  }

  @Test
  void healthDetailsNeedTheOperationsCredential() {
    RawHttp management = new RawHttp("127.0.0.1", managementPort);
    RawHttp.Response anonymous = management.get("/actuator/health", Map.of());
    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("components");
    assertThat(management.get("/actuator/health", Map.of("X-Admin-Token", OPERATIONS_TOKEN)).body())
        .contains("kafkaListeners");
  }
}
