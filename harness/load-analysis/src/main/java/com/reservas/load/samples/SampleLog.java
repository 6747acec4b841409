package com.reservas.load.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Collects the samples of one simulation run in memory (lock-free: Gatling records from its event
 * loops) and writes them as CSV when the run ends.
 */
public final class SampleLog {

  private final Queue<Sample> samples = new ConcurrentLinkedQueue<>();
  private final AtomicInteger activeUsers = new AtomicInteger();

  public void record(Sample sample) {
    samples.add(sample);
  }

  /** A virtual user entered the scenario; returns the users now active. */
  public int userStarted() {
    return activeUsers.incrementAndGet();
  }

  public void userFinished() {
    activeUsers.decrementAndGet();
  }

  public int activeUsers() {
    return activeUsers.get();
  }

  public int size() {
    return samples.size();
  }

  /** Writes every sample, oldest first, to {@code file} (parent folders created). */
  public void writeTo(Path file) {
    List<Sample> sorted = new ArrayList<>(samples);
    sorted.sort(Comparator.comparingLong(Sample::startMillis));
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write(Sample.HEADER);
        out.newLine();
        for (Sample s : sorted) {
          out.write(s.toCsv());
          out.newLine();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write samples to " + file, e);
    }
  }

  /** Reads a file written by {@link #writeTo}. */
  public static List<Sample> read(Path file) {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.skip(1).filter(l -> !l.isBlank()).map(Sample::parse).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read samples from " + file, e);
    }
  }
}
