package com.reservas.load.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultTableTest {

  private static final String RUN =
      """
      {"scenario": "kill-relay", "recoverySeconds": 12.34, "maxCreationMillisDuringFault": 812,
       "integrity": {"passed": %s, "clientCreations": 2000,
         "reservations": {"notFinal": 0},
         "checks": [
           {"name": "created reservations (201) missing from the database", "verdict": "PASS", "actual": "0"},
           {"name": "reservations charged more than once (Stripe stand-in)", "verdict": "%s", "actual": "%s"},
           {"name": "cancelled reservations whose car is still booked", "verdict": "PASS", "actual": "2"},
           {"name": "final reservations with an authorization neither captured nor voided", "verdict": "PASS", "actual": "1"}
         ]}}
      """;

  @TempDir Path results;

  @Test
  void oneRowPerRunWithItsFiguresAndTheCommandThatReproducesIt() throws Exception {
    Files.writeString(
        results.resolve("20261204T100000Z-kill-relay.json"), RUN.formatted(false, "FAIL", "3"));

    String table = FaultTable.table(results);

    assertThat(table.lines()).hasSize(3);
    assertThat(table.lines().skip(2).findFirst().orElseThrow())
        .isEqualTo(
            "| `kill-relay` | 2000 | 0 | 0 | 3 | — | 3 | — | — | 12.3 | 812 | **failed** |"
                + " `chaos/run kill-relay` |");
  }

  @Test
  void aRunWithASkippedCheckIsNotProven() throws Exception {
    Files.writeString(
        results.resolve("20261204T100000Z-kill-relay.json"), RUN.formatted(true, "SKIPPED", "0"));

    assertThat(FaultTable.table(results)).contains("| not proven: checks skipped |");
  }
}
