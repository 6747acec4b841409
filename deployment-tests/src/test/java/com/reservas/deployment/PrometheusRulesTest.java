package com.reservas.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Prometheus' own checks of {@code deploy/observability/prometheus-rules.yml}: {@code promtool
 * check rules} (syntax, PromQL, templates) and {@code promtool test rules} (each alert fires on the
 * series that should fire it: {@code prometheus-rules.test.yml}). promtool is required: CI installs
 * it ({@code .ci/run}); without it these tests fail and say how to install it. Whether the metrics
 * the rules name exist is checked on the running platform (local-platform's {@code
 * ReservationTraceIT}).
 */
class PrometheusRulesTest {

  private static final Path DIRECTORY = Repository.path("deploy/observability");

  @Test
  void promtoolAcceptsTheAlertingRules() throws Exception {
    String output = promtool("check", "rules", "prometheus-rules.yml");
    assertThat(output).contains("SUCCESS");
  }

  @Test
  void everyAlertFiresOnTheSeriesOfItsUnitTestsAndOnlyThere() throws Exception {
    String output = promtool("test", "rules", "prometheus-rules.test.yml");
    assertThat(output).contains("SUCCESS");
  }

  /** Runs promtool in {@code deploy/observability}; fails unless it exits 0. */
  private static String promtool(String... arguments) throws Exception {
    Path promtool = onPath("promtool");
    assertThat(promtool)
        .as(
            "promtool is not installed: apt-get install -y prometheus (Debian 12 ships promtool"
                + " 2.42 with it; .ci/run installs it on CI)")
        .isNotNull();
    List<String> command = new ArrayList<>(List.of(promtool.toString()));
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command).directory(DIRECTORY.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    return output;
  }

  private static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String directory : path.split(File.pathSeparator)) {
      Path candidate = Path.of(directory, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
