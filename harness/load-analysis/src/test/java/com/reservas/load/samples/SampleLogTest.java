package com.reservas.load.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleLogTest {

  @Test
  void samplesAreWrittenOldestFirstAndReadBack(@TempDir Path dir) {
    SampleLog log = new SampleLog();
    log.record(new Sample("GET /reservations/{code}", 2000, 7, 200, true, 3, "K7P2QX9A"));
    log.record(new Sample("POST /reservations (warm-up)", 1000, -1, 0, false, 1, null));
    Path file = dir.resolve("samples.csv");
    log.writeTo(file);

    assertThat(SampleLog.read(file))
        .containsExactly(
            new Sample("POST /reservations (warm-up)", 1000, -1, 0, false, 1, ""),
            new Sample("GET /reservations/{code}", 2000, 7, 200, true, 3, "K7P2QX9A"));
  }
}
