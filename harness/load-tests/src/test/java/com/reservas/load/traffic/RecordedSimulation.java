package com.reservas.load.traffic;

import com.reservas.load.samples.SampleLog;
import io.gatling.javaapi.core.Simulation;
import java.nio.file.Path;

/**
 * A simulation whose requests are also written to a samples file when it ends (see {@link
 * com.reservas.load.samples.Sample}), for the post-run report: time windows, break point, drift.
 */
public abstract class RecordedSimulation extends Simulation {

  protected final SampleLog samples = new SampleLog();
  protected final ReservationTraffic traffic = new ReservationTraffic(samples);

  @Override
  public void after() {
    Path file = LoadSettings.samplesFile(getClass().getSimpleName());
    samples.writeTo(file);
    System.out.println(
        "Samples: " + samples.size() + " requests written to " + file.toAbsolutePath());
  }
}
