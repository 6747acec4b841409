package com.reservas.reservation.adapter.out.persistence;

import java.time.Duration;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * A lease in the {@code policy_lease} table, so that work meant to run once across replicas runs in
 * one of them at a time: {@link #acquire} takes the lease when it is free or expired, renews it
 * when this holder has it, and says whether this holder has it now. The others wait as hot
 * standbys; when the holder dies they take over once the lease expires, at most {@code ttl} after
 * its last renewal. Expiry uses the database's clock, so replicas' clocks need not agree.
 */
public final class R2dbcPolicyLease {

  private final DatabaseClient db;
  private final String name;
  private final String holder;
  private final Duration ttl;

  /**
   * @param name what the lease is for, e.g. {@code stuck-reservations}
   * @param holder this replica, unique among the replicas (host, process, a random part)
   * @param ttl how long the lease lasts without renewal: the longest takeover time
   */
  public R2dbcPolicyLease(DatabaseClient db, String name, String holder, Duration ttl) {
    this.db = db;
    this.name = Objects.requireNonNull(name, "name");
    this.holder = Objects.requireNonNull(holder, "holder");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
  }

  /** Takes or renews the lease if it is free, expired or this holder's; true if held now. */
  public Mono<Boolean> acquire() {
    // Assignments apply left to right: expires_at sees the holder just decided.
    return db.sql(
            "INSERT INTO policy_lease (name, holder, expires_at)"
                + " VALUES (:name, :holder, NOW(6) + INTERVAL :ttl MICROSECOND)"
                + " ON DUPLICATE KEY UPDATE"
                + " holder = IF(holder = VALUES(holder) OR expires_at < NOW(6),"
                + " VALUES(holder), holder),"
                + " expires_at = IF(holder = VALUES(holder), VALUES(expires_at), expires_at)")
        .bind("name", name)
        .bind("holder", holder)
        .bind("ttl", ttl.toNanos() / 1_000)
        .fetch()
        .rowsUpdated()
        .then(
            db.sql("SELECT holder FROM policy_lease WHERE name = :name")
                .bind("name", name)
                .map(row -> row.get("holder", String.class))
                .one())
        .map(holder::equals);
  }

  /** Gives the lease up if this holder has it, so a standby takes over at once. */
  public Mono<Void> release() {
    return db.sql("DELETE FROM policy_lease WHERE name = :name AND holder = :holder")
        .bind("name", name)
        .bind("holder", holder)
        .fetch()
        .rowsUpdated()
        .then();
  }

  /** Who this replica is, in lease tables. */
  public String holder() {
    return holder;
  }
}
