package com.reservas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObservabilityAssetsTest {

  @Test
  void aQueryNamesItsMetricsNotItsFunctionsLabelsRangesOrKeywords() {
    assertThat(
            ObservabilityAssets.metricNames(
                "histogram_quantile(0.95, sum by (le, from) (rate(reservas_saga_step_seconds_bucket"
                    + "{status=~\"5..\", name='x'}[5m]))) > 1e3 and on (group) "
                    + "delta(sum by (group) (reservas_consumer_lag_records)[10m:1m]) > 0 "
                    + "or max(up offset 5m) / bool 2"))
        .containsExactlyInAnyOrder(
            "reservas_saga_step_seconds_bucket", "reservas_consumer_lag_records", "up");
  }

  @Test
  void theDashboardAndTheRulesAreReadWholeAndNameOnlyReservasAndLibraryMetrics() {
    assertThat(ObservabilityAssets.dashboardExpressions()).hasSizeGreaterThan(15);
    assertThat(ObservabilityAssets.ruleExpressions()).hasSizeGreaterThan(10);
    assertThat(ObservabilityAssets.usedMetricNames())
        .contains("reservas_reservation_creations_total", "resilience4j_circuitbreaker_state")
        .allMatch(
            name ->
                name.startsWith("reservas_")
                    || name.startsWith("resilience4j_")
                    || name.startsWith("http_server_")
                    || name.startsWith("spring_kafka_"));
  }

  @Test
  void aScrapeNamesItsSamplesNotItsComments() {
    assertThat(
            ObservabilityAssets.scrapedNames(
                """
                # HELP reservas_relay_queue_depth Change records
                # TYPE reservas_relay_queue_depth gauge
                reservas_relay_queue_depth{application="outbox-relay"} 0.0
                up 1
                """))
        .containsExactly("reservas_relay_queue_depth", "up");
  }
}
