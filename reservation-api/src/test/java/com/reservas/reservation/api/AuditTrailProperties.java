package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * docs/spec.md §7 audit: whatever clients do, in whatever order and from wherever, every create,
 * every cancellation and every read of a reservation through HTTP leaves exactly one audit record
 * naming the client, its address, the action, the reservation and the time; a refused attempt
 * (another client's reservation, a second cancellation) leaves none.
 */
class AuditTrailProperties {

  private static final Map<String, String> KEYS =
      Map.of("client-a", ApiTest.CLIENT_A_KEY, "client-b", ApiTest.CLIENT_B_KEY);

  private static RunningApi api;

  /** One thing a client does. */
  enum Kind {
    CREATE,
    READ,
    CANCEL
  }

  record Operation(Kind kind, String client, String address, int target) {}

  /** A reservation made in this try, and by whom. */
  record Made(String code, String client) {}

  /** One row of audit_log. */
  record Row(Instant at, String actor, String action, String code, String ip) {}

  @BeforeContainer
  static void start() {
    api =
        new RunningApi(
            Map.of("reservas.client-addresses.trusted-proxies", "127.0.0.1,0:0:0:0:0:0:0:1"));
  }

  @AfterContainer
  static void stop() {
    api.close();
  }

  @Property(tries = 40)
  void everyCreateCancelAndReadLeavesExactlyOneAuditRecordWithItsMetadata(
      @ForAll("scripts") List<Operation> script) throws SQLException {
    List<Made> made = new ArrayList<>();
    for (Operation op : script) {
      long lastId = api.query("SELECT COALESCE(MAX(id), 0) FROM audit_log");
      Instant before = Instant.now().minusMillis(5);
      Expected expected = perform(op, made);
      Instant after = Instant.now().plusMillis(5);

      List<Row> rows = rowsAfter(lastId);
      if (expected.action() == null) {
        assertThat(rows).as("%s of %s: no record", op, expected.code()).isEmpty();
        continue;
      }
      assertThat(rows).as("%s: one record", op).hasSize(1);
      Row row = rows.get(0);
      assertThat(row.action()).isEqualTo(expected.action());
      assertThat(row.actor()).isEqualTo(op.client());
      assertThat(row.ip()).isEqualTo(op.address());
      assertThat(row.code()).isEqualTo(expected.code());
      assertThat(row.at()).isBetween(before, after);
    }
  }

  /** What the audit log should have gained: an action on a code, or nothing (null action). */
  record Expected(String action, String code) {}

  private static Expected perform(Operation op, List<Made> made) {
    if (op.kind() == Kind.CREATE || made.isEmpty()) {
      String code =
          (String)
              api.http
                  .post()
                  .uri("/api/v1/reservations")
                  .header("X-Api-Key", KEYS.get(op.client()))
                  .header("X-Forwarded-For", op.address())
                  .contentType(MediaType.APPLICATION_JSON)
                  .bodyValue(ApiTest.VALID_BODY)
                  .exchange()
                  .expectStatus()
                  .isCreated()
                  .expectBody(Map.class)
                  .returnResult()
                  .getResponseBody()
                  .get("code");
      made.add(new Made(code, op.client()));
      return new Expected("reservation.created", code);
    }
    Made target = made.get(op.target() % made.size());
    boolean own = target.client().equals(op.client());
    if (op.kind() == Kind.READ) {
      int status =
          api.http
              .get()
              .uri("/api/v1/reservations/{code}", target.code())
              .header("X-Api-Key", KEYS.get(op.client()))
              .header("X-Forwarded-For", op.address())
              .exchange()
              .returnResult(String.class)
              .getStatus()
              .value();
      assertThat(status).isEqualTo(own ? 200 : 404);
      return new Expected(own ? "reservation.read" : null, target.code());
    }
    EntityExchangeResult<String> cancelled =
        api.http
            .post()
            .uri("/api/v1/reservations/{code}/cancellation", target.code())
            .header("X-Api-Key", KEYS.get(op.client()))
            .header("X-Forwarded-For", op.address())
            .exchange()
            .expectBody(String.class)
            .returnResult();
    int status = cancelled.getStatus().value();
    assertThat(status).isIn(own ? List.of(202, 409) : List.of(404));
    return new Expected(status == 202 ? "reservation.cancelled" : null, target.code());
  }

  private static List<Row> rowsAfter(long id) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Connection c = api.database.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT occurred_at, actor, action, reservation_code, source_ip FROM audit_log"
                    + " WHERE id > ? ORDER BY id")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getObject("occurred_at", java.time.LocalDateTime.class)
                      .toInstant(ZoneOffset.UTC),
                  rs.getString("actor"),
                  rs.getString("action"),
                  rs.getString("reservation_code"),
                  rs.getString("source_ip")));
        }
      }
    }
    return rows;
  }

  @Provide
  Arbitrary<List<Operation>> scripts() {
    Arbitrary<String> addresses =
        Arbitraries.integers()
            .between(1, 254)
            .list()
            .ofSize(4)
            .map(o -> o.get(0) + "." + o.get(1) + "." + o.get(2) + "." + o.get(3));
    Arbitrary<Operation> operations =
        Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.of("client-a", "client-b"),
                Arbitraries.oneOf(addresses, Arbitraries.of("2001:db8::7", "198.51.100.1")),
                Arbitraries.integers().between(0, 100))
            .as(Operation::new);
    return operations.list().ofMinSize(1).ofMaxSize(8);
  }
}
