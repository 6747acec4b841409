package com.reservas.load.webhooks;

import com.reservas.load.report.Percentiles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a receiver heard against what it should have heard: every status change of the run's
 * reservations (their history rows) once at least, each reservation's changes in the order they
 * happened, every signature valid, and how long after the change each webhook arrived.
 */
public final class WebhookTally {

  /** One {@code POST} received. */
  public record Received(
      String eventId,
      String code,
      String status,
      long changedAtMillis,
      long receivedAtMillis,
      boolean signatureValid) {}

  /** One history row of a reservation: a change that must be delivered. */
  public record Change(String code, String status, long changedAtMillis) {}

  private WebhookTally() {}

  /** The summary, as JSON-friendly fields; {@code passed} when nothing is missing or forged. */
  public static Map<String, Object> of(List<Received> received, Collection<Change> expected) {
    Map<String, Received> firstByEvent = new LinkedHashMap<>();
    int badSignatures = 0;
    for (Received r : received) {
      firstByEvent.putIfAbsent(r.eventId(), r);
      badSignatures += r.signatureValid() ? 0 : 1;
    }
    Set<String> heard = new HashSet<>();
    Map<String, List<String>> heardInOrder = new HashMap<>();
    List<Received> firsts = new ArrayList<>(firstByEvent.values());
    firsts.sort((a, b) -> Long.compare(a.receivedAtMillis(), b.receivedAtMillis()));
    long[] latencies = new long[firsts.size()];
    for (int i = 0; i < firsts.size(); i++) {
      Received r = firsts.get(i);
      latencies[i] = r.receivedAtMillis() - r.changedAtMillis();
      heard.add(r.code() + " " + r.status());
      heardInOrder.computeIfAbsent(r.code(), c -> new ArrayList<>()).add(r.status());
    }
    Map<String, List<Change>> happened = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (Change c : expected) {
      happened.computeIfAbsent(c.code(), k -> new ArrayList<>()).add(c);
      if (!heard.contains(c.code() + " " + c.status())) {
        missing.add(c.code() + " " + c.status());
      }
    }
    int outOfOrder = 0;
    for (Map.Entry<String, List<String>> e : heardInOrder.entrySet()) {
      if (!happened.containsKey(e.getKey())) {
        continue; // a reservation from before the run: not counted either way
      }
      List<String> order =
          happened.get(e.getKey()).stream()
              .sorted((a, b) -> Long.compare(a.changedAtMillis(), b.changedAtMillis()))
              .map(Change::status)
              .filter(e.getValue()::contains)
              .toList();
      outOfOrder += order.equals(e.getValue()) ? 0 : 1;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("expectedChanges", expected.size());
    out.put("received", received.size());
    out.put("distinctEvents", firstByEvent.size());
    out.put("repeats", received.size() - firstByEvent.size());
    out.put("missing", missing.size());
    out.put("missingExamples", missing.stream().sorted().limit(10).toList());
    out.put("reservationsOutOfOrder", outOfOrder);
    out.put("badSignatures", badSignatures);
    out.put("changeToReceived", Percentiles.of(latencies).toMap("Millis"));
    out.put("passed", missing.isEmpty() && outOfOrder == 0 && badSignatures == 0);
    return out;
  }
}
