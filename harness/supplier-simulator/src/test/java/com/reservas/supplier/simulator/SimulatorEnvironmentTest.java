package com.reservas.supplier.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorEnvironmentTest {

  @Test
  void withNothingSetItListensOnLocalhost8091WithTheStandardFleet() {
    SimulatorEnvironment environment = SimulatorEnvironment.of(new String[0], Map.of());

    assertThat(environment.host()).isEqualTo("127.0.0.1");
    assertThat(environment.port()).isEqualTo(8091);
    assertThat(environment.fleetSizing().sizeOf("AGP-AIRPORT", "CDAR")).isEqualTo(2);
    assertThat(environment.fleetSizing().sizeOf("MAD-AIRPORT", "CDAR")).isEqualTo(50);
  }

  @Test
  void theArgumentWinsOverTheEnvironmentForThePort() {
    Map<String, String> env = Map.of("SUPPLIER_SIMULATOR_PORT", "9000");

    assertThat(SimulatorEnvironment.of(new String[0], env).port()).isEqualTo(9000);
    assertThat(SimulatorEnvironment.of(new String[] {"9100"}, env).port()).isEqualTo(9100);
  }

  @Test
  void hostAndFleetComeFromTheEnvironment() {
    SimulatorEnvironment environment =
        SimulatorEnvironment.of(
            new String[0],
            Map.of(
                "SUPPLIER_SIMULATOR_HOST", "0.0.0.0",
                "SUPPLIER_SIMULATOR_DEFAULT_FLEET_SIZE", "5000",
                "SUPPLIER_SIMULATOR_FLEET_OVERRIDES", "BCN-AIRPORT/ECMN=1"));

    assertThat(environment.host()).isEqualTo("0.0.0.0");
    assertThat(environment.fleetSizing().sizeOf("MAD-AIRPORT", "CDAR")).isEqualTo(5000);
    assertThat(environment.fleetSizing().sizeOf("AGP-AIRPORT", "CDAR")).isEqualTo(2);
    assertThat(environment.fleetSizing().sizeOf("BCN-AIRPORT", "ECMN")).isEqualTo(1);
  }
}
