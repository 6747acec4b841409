package com.reservas.load.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.load.samples.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadAnalysisTest {

  private static final long T0 = 1_800_000_000_000L;

  @Test
  void theBreakPointIsWhereP95StaysAboveTheTarget() {
    List<Sample> samples = new ArrayList<>();
    for (int second = 0; second < 60; second++) {
      // 10 creations per second; users grow by 5 a second; latency jumps at second 30.
      for (int i = 0; i < 10; i++) {
        long latency = second < 30 ? 20 : 250;
        samples.add(creation(second * 1000L + i * 100, latency, true, 5 * second));
      }
    }
    var breakPoint = LoadAnalysis.breakPoint(samples, samples, 100, 5, 5).orElseThrow();
    assertThat(breakPoint.offsetSeconds()).isBetween(26L, 30L);
    assertThat(breakPoint.activeUsers()).isBetween(130, 150);
    assertThat(breakPoint.creationsPerSecond()).isEqualTo(10.0);
  }

  @Test
  void aLoneSlowSecondIsNotABreakPointButErrorsThatLastAre() {
    List<Sample> samples = new ArrayList<>();
    for (int second = 0; second < 60; second++) {
      for (int i = 0; i < 10; i++) {
        long latency = second == 10 ? 900 : 20;
        boolean ok = second < 40;
        samples.add(creation(second * 1000L + i * 100, latency, ok, second));
      }
    }
    var breakPoint = LoadAnalysis.breakPoint(samples, samples, 100, 5, 5).orElseThrow();
    assertThat(breakPoint.offsetSeconds()).isBetween(36L, 40L);
    assertThat(breakPoint.reason()).contains("failed requests");
  }

  @Test
  void recoveryIsWhenLatencyIsBackAndStaysBack() {
    List<Sample> recovering = new ArrayList<>();
    List<Sample> relapsing = new ArrayList<>();
    for (int second = 0; second < 60; second++) {
      for (int i = 0; i < 10; i++) {
        long at = second * 1000L + i * 100;
        recovering.add(creation(at, second < 12 ? 300 : 10, true, 10));
        relapsing.add(creation(at, second < 12 || second > 55 ? 300 : 10, true, 10));
      }
    }
    assertThat(LoadAnalysis.recoverySeconds(recovering, recovering, 30, 10)).contains(12L);
    assertThat(LoadAnalysis.recoverySeconds(relapsing, relapsing, 30, 10)).isEmpty();
  }

  @Test
  void driftComparesTheFirstAndTheLastMinute() {
    List<Sample> steady = new ArrayList<>();
    List<Sample> drifting = new ArrayList<>();
    for (int second = 0; second < 180; second++) {
      for (int i = 0; i < 5; i++) {
        steady.add(creation(second * 1000L + i * 200, 30, true, 10));
        drifting.add(creation(second * 1000L + i * 200, 30 + second, true, 10));
      }
    }
    Map<String, Object> ok = LoadAnalysis.drift(steady, 60, 1.5, 20);
    Map<String, Object> bad = LoadAnalysis.drift(drifting, 60, 1.5, 20);
    assertThat(ok).containsEntry("passed", true);
    assertThat(bad).containsEntry("passed", false);
  }

  @Test
  void percentilesAreNearestRank() {
    long[] values = new long[100];
    for (int i = 0; i < 100; i++) {
      values[i] = 100 - i;
    }
    Percentiles p = Percentiles.of(values);
    assertThat(p.p50()).isEqualTo(50);
    assertThat(p.p95()).isEqualTo(95);
    assertThat(p.p99()).isEqualTo(99);
    assertThat(p.max()).isEqualTo(100);
  }

  private static Sample creation(long offset, long latency, boolean ok, int users) {
    return new Sample(
        "POST /reservations",
        T0 + offset,
        latency,
        ok ? 201 : 503,
        ok,
        users,
        ok ? "ABCD1234" : "");
  }

  @Test
  void theCapacityIsTheHighestStepWhereEveryTargetHeld() {
    List<Sample> samples = new ArrayList<>();
    long[] postLatency = {20, 40, 30, 90, 300};
    for (int step = 0; step < 5; step++) {
      int rate = 40 + 20 * step;
      for (int i = 0; i < rate * 10; i++) {
        long start = step * 10_000L + i * 1000L / rate;
        boolean ok = !(step == 2 && i == 7);
        samples.add(
            new Sample(
                "POST /reservations (step " + rate + "/s)",
                T0 + start,
                postLatency[step],
                ok ? 201 : 503,
                ok,
                rate,
                "C" + step + "-" + i));
      }
    }
    Map<String, Long> endToEnd =
        Map.of(
            "POST /reservations (step 40/s)", 300L,
            "POST /reservations (step 60/s)", 700L,
            "POST /reservations (step 80/s)", 400L,
            "POST /reservations (step 100/s)", 900L,
            "POST /reservations (step 120/s)", 5_000L);

    var steps = LoadAnalysis.capacitySteps(samples, samples, endToEnd, 100, 1_000);

    assertThat(steps)
        .extracting(LoadAnalysis.CapacityStep::offeredPerSecond)
        .containsExactly(40.0, 60.0, 80.0, 100.0, 120.0);
    assertThat(steps)
        .extracting(LoadAnalysis.CapacityStep::held)
        .containsExactly(true, true, false, true, false);
    assertThat(steps.get(2).errors()).isEqualTo(1);
    assertThat(steps.get(3).creationsPerSecond()).isBetween(99.0, 102.0);
    assertThat(LoadAnalysis.capacity(steps)).contains(100.0);
  }
}
