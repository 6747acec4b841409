package com.reservas.supplier.simulator;

import com.reservas.supplier.simulator.fleet.FleetSizing;
import java.util.Map;

/**
 * The settings of a stand-alone simulator, from its command line and environment variables: {@code
 * SUPPLIER_SIMULATOR_PORT}, {@code SUPPLIER_SIMULATOR_HOST}, {@code
 * SUPPLIER_SIMULATOR_DEFAULT_FLEET_SIZE} and {@code SUPPLIER_SIMULATOR_FLEET_OVERRIDES} (e.g.
 * {@code AGP-AIRPORT=2,MAD-AIRPORT/CDAR=10}).
 */
record SimulatorEnvironment(String host, int port, FleetSizing fleetSizing) {

  static SimulatorEnvironment of(String[] args, Map<String, String> env) {
    String port =
        args.length > 0
            ? args[0]
            : env.getOrDefault(
                "SUPPLIER_SIMULATOR_PORT", String.valueOf(SupplierSimulator.DEFAULT_PORT));
    FleetSizing fleet = FleetSizing.standard();
    String defaultFleetSize = env.get("SUPPLIER_SIMULATOR_DEFAULT_FLEET_SIZE");
    if (defaultFleetSize != null && !defaultFleetSize.isBlank()) {
      fleet = fleet.withDefaultSize(Integer.parseInt(defaultFleetSize.trim()));
    }
    fleet = fleet.withOverrides(env.get("SUPPLIER_SIMULATOR_FLEET_OVERRIDES"));
    return new SimulatorEnvironment(
        env.getOrDefault("SUPPLIER_SIMULATOR_HOST", SupplierSimulator.DEFAULT_HOST),
        Integer.parseInt(port.trim()),
        fleet);
  }
}
