package com.reservas.standin.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

  record Balance(String account, long amount) {}

  /** A tiny owner: balances per account, the last change wins. */
  static final class Books {
    final Map<String, Balance> balances = new LinkedHashMap<>();
    final List<Balance> replayed = new ArrayList<>();
    final Journal<Balance> journal;

    Books(Path file) {
      journal =
          Journal.open(
              file,
              Balance.class,
              change -> {
                replayed.add(change);
                balances.put(change.account(), change);
              },
              () -> balances.values().stream());
    }

    void set(String account, long amount) {
      Balance balance = new Balance(account, amount);
      balances.put(account, balance);
      journal.append(balance);
    }
  }

  @TempDir Path dir;

  @Test
  void aReopenedJournalHandsBackEveryChangeInOrder() {
    Path file = dir.resolve("books.jsonl");
    Books first = new Books(file);
    first.set("a", 1);
    first.set("b", 2);
    first.set("a", 3);

    Books second = new Books(file);

    assertThat(second.replayed)
        .containsExactly(new Balance("a", 1), new Balance("b", 2), new Balance("a", 3));
    assertThat(second.balances).containsEntry("a", new Balance("a", 3)).hasSize(2);
  }

  @Test
  void openingCompactsTheFileToWhatTheOwnerHolds() throws Exception {
    Path file = dir.resolve("books.jsonl");
    Books first = new Books(file);
    for (int i = 0; i < 100; i++) {
      first.set("a", i);
    }

    new Books(file);

    assertThat(Files.readAllLines(file)).hasSize(1);
    assertThat(new Books(file).balances).containsExactly(Map.entry("a", new Balance("a", 99)));
  }

  @Test
  void aLastLineCutShortByAKillIsIgnored() throws Exception {
    Path file = dir.resolve("books.jsonl");
    new Books(file).set("a", 1);
    Files.writeString(
        file, "{\"account\":\"b\",\"amo", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    Books reopened = new Books(file);

    assertThat(reopened.balances).containsExactly(Map.entry("a", new Balance("a", 1)));
    reopened.set("c", 3);
    assertThat(new Books(file).balances).containsKeys("a", "c");
  }

  @Test
  void anInMemoryJournalKeepsNothing() {
    Journal<Balance> journal = Journal.inMemory();
    journal.append(new Balance("a", 1));
    journal.close();
    assertThat(dir).isEmptyDirectory();
  }
}
