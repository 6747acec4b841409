package com.reservas.reservation.adapter.out.persistence;

import com.reservas.reservation.application.port.out.ReferenceDataPort;
import com.reservas.reservation.domain.Coverage;
import com.reservas.reservation.domain.Money;
import com.reservas.reservation.domain.Office;
import com.reservas.reservation.domain.ReferenceData;
import com.reservas.reservation.domain.Supplier;
import com.reservas.reservation.domain.VehicleCategory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The seeded catalogue, read whole and cached for a short while: every reservation is validated
 * against it, and it changes only through migrations.
 */
public final class R2dbcReferenceData implements ReferenceDataPort {

  private final DatabaseClient db;
  private final Mono<ReferenceData> cached;

  public R2dbcReferenceData(DatabaseClient db, Duration cacheFor) {
    this.db = db;
    this.cached = read().cache(data -> cacheFor, error -> Duration.ZERO, () -> Duration.ZERO);
  }

  @Override
  public Mono<ReferenceData> load() {
    return cached;
  }

  private Mono<ReferenceData> read() {
    var offices =
        db.sql("SELECT code, name, city, time_zone, opens_at, closes_at FROM office")
            .map(
                row ->
                    new Office(
                        row.get("code", String.class),
                        row.get("name", String.class),
                        row.get("city", String.class),
                        ZoneId.of(row.get("time_zone", String.class)),
                        row.get("opens_at", LocalTime.class),
                        row.get("closes_at", LocalTime.class)))
            .all()
            .collectList();
    var suppliers =
        db.sql("SELECT code, name FROM supplier")
            .map(row -> new Supplier(row.get("code", String.class), row.get("name", String.class)))
            .all()
            .collectList();
    var categories =
        db.sql("SELECT code, description, daily_rate, currency FROM vehicle_category")
            .map(
                row ->
                    new VehicleCategory(
                        row.get("code", String.class),
                        row.get("description", String.class),
                        new Money(
                            row.get("daily_rate", BigDecimal.class),
                            row.get("currency", String.class))))
            .all()
            .collectList();
    var coverage =
        db.sql("SELECT supplier_code, office_code, category_code FROM supplier_coverage")
            .map(
                row ->
                    new Coverage(
                        row.get("supplier_code", String.class),
                        row.get("office_code", String.class),
                        row.get("category_code", String.class)))
            .all()
            .collectList();
    return Mono.zip(offices, suppliers, categories, coverage)
        .map(t -> new ReferenceData(t.getT1(), t.getT2(), t.getT3(), t.getT4()));
  }
}
