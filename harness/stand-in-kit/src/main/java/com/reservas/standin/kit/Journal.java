package com.reservas.standin.kit;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in's books on disk, so that a restarted stand-in remembers what the real external system
 * would: PaymentIntents and idempotency keys at Stripe, bookings and request ids at the supplier.
 *
 * <p>One JSON line per change, written through before the change is answered: a process killed with
 * {@code kill -9} loses nothing it had written. There is no fsync per line (a host that loses power
 * may lose the last lines, which a test double can afford). At open the lines are handed back in
 * order and the file is rewritten with what the owner still holds, so it does not grow without
 * bound across restarts. A last line cut short by a kill is ignored.
 *
 * @param <E> the entry: a record Jackson can write and read
 */
public final class Journal<E> implements AutoCloseable {

  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final BufferedWriter out;

  private Journal(BufferedWriter out) {
    this.out = out;
  }

  /** A journal that writes nothing: a stand-in without a data directory forgets on restart. */
  public static <E> Journal<E> inMemory() {
    return new Journal<>(null);
  }

  /**
   * Opens (or creates) the journal at {@code file}: hands every entry to {@code replay}, oldest
   * first, then rewrites the file with the entries {@code current} returns (the owner's state after
   * the replay) and appends from there.
   */
  public static <E> Journal<E> open(
      Path file, Class<E> type, Consumer<E> replay, Supplier<Stream<E>> current) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (Files.exists(file)) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          String line;
          while ((line = in.readLine()) != null) {
            E entry = parse(line, type);
            if (entry != null) {
              replay.accept(entry);
            }
          }
        }
      }
      Path compacted = file.resolveSibling(file.getFileName() + ".compacting");
      try (BufferedWriter rewrite = Files.newBufferedWriter(compacted, StandardCharsets.UTF_8);
          Stream<E> entries = current.get()) {
        for (E entry : (Iterable<E>) entries::iterator) {
          rewrite.write(JSON.writeValueAsString(entry));
          rewrite.newLine();
        }
      }
      Files.move(
          compacted, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new Journal<>(
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.CREATE));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the journal " + file, e);
    }
  }

  /** Appends one change; the caller holds the lock that orders its changes. */
  public synchronized void append(E entry) {
    if (out == null) {
      return;
    }
    try {
      out.write(JSON.writeValueAsString(entry));
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the journal", e);
    }
  }

  @Override
  public synchronized void close() {
    if (out == null) {
      return;
    }
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <E> E parse(String line, Class<E> type) {
    if (line.isBlank()) {
      return null;
    }
    try {
      return JSON.readValue(line, type);
    } catch (JacksonException e) {
      // Only the last line can be incomplete (the process died while writing it): skip it.
      return null;
    }
  }
}
