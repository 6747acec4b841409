package com.reservas.load.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuTimelineTest {

  @TempDir Path dir;

  @Test
  void aWindowCountsOnlyItsShareOfEachInterval() throws IOException {
    CpuTimeline timeline = oneCoreThenTwo();

    assertThat(timeline.platformCpuSeconds(0, 20_000)).isCloseTo(30.0, within(1e-9));
    // From mid-way through the first interval to mid-way through the second: 5 × 1 + 5 × 2.
    assertThat(timeline.platformCpuSeconds(5_000, 15_000)).isCloseTo(15.0, within(1e-9));
    assertThat(timeline.platformCpuSeconds(20_000, 30_000)).isZero();
  }

  @Test
  void theCpuUntilSettledLeavesOutOnlyWhatCameBeforeTheWindow() throws IOException {
    // The first 10 s are the warm-up; 45 CPU-s from the start until every reservation settled,
    // i.e. 15 more after the timeline ended.
    CpuTimeline timeline = oneCoreThenTwo();

    assertThat(timeline.platformCpuSecondsUntilSettled(10_000, 45.0)).isCloseTo(35.0, within(1e-9));
    assertThat(timeline.platformCpuSecondsUntilSettled(5_000, 45.0)).isCloseTo(40.0, within(1e-9));
    assertThat(new CpuTimeline(java.util.List.of()).platformCpuSecondsUntilSettled(5_000, 45.0))
        .isEqualTo(45.0);
  }

  @Test
  void theJitCompilersShareIsReadFromItsOwnColumnAndARetiredThreadCountsNothing()
      throws IOException {
    Path csv = dir.resolve("cpu-jit.csv");
    // The compiler threads use half a core for 10 s, then one retires (its ticks leave the sum).
    Files.writeString(
        csv,
        """
        epochMillis,machineBusyTicks,platformTicks,loadGeneratorTicks,jitTicks
        0,0,0,0,0
        10000,1000,1000,0,500
        20000,3000,3000,0,300
        """);
    CpuTimeline timeline = CpuTimeline.read(csv, 100);

    assertThat(timeline.hasJit()).isTrue();
    assertThat(timeline.jitCpuSeconds(0, 20_000)).isCloseTo(5.0, within(1e-9));
    assertThat(timeline.jitCpuSeconds(5_000, 20_000)).isCloseTo(2.5, within(1e-9));
    assertThat(timeline.platformCpuSeconds(0, 20_000)).isCloseTo(30.0, within(1e-9));
  }

  @Test
  void aTimelineWithoutTheJitColumnHasNoJitShare() throws IOException {
    CpuTimeline timeline = oneCoreThenTwo();

    assertThat(timeline.hasJit()).isFalse();
    assertThat(timeline.jitCpuSeconds(0, 20_000)).isZero();
  }

  /** 100 ticks a second; the platform uses 1 core for 10 s, then 2 cores for 10 s. */
  private CpuTimeline oneCoreThenTwo() throws IOException {
    Path csv = dir.resolve("cpu.csv");
    Files.writeString(
        csv,
        """
        epochMillis,machineBusyTicks,platformTicks,loadGeneratorTicks
        0,0,0,0
        10000,1000,1000,0
        20000,3000,3000,0
        """);
    return CpuTimeline.read(csv, 100);
  }
}
