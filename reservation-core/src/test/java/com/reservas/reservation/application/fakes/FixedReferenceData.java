package com.reservas.reservation.application.fakes;

import com.reservas.reservation.application.port.out.ReferenceDataPort;
import com.reservas.reservation.domain.Coverage;
import com.reservas.reservation.domain.Money;
import com.reservas.reservation.domain.Office;
import com.reservas.reservation.domain.ReferenceData;
import com.reservas.reservation.domain.Supplier;
import com.reservas.reservation.domain.VehicleCategory;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * Imitates {@code R2dbcReferenceData}: the whole catalogue, read when subscribed. {@link #seeded()}
 * holds what the {@code V2__reference_data.sql} migration seeds, so requests valid against the real
 * database are valid here.
 */
public final class FixedReferenceData implements ReferenceDataPort {

  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  private static final LocalTime MIDNIGHT = LocalTime.MIDNIGHT;

  private final ReferenceData catalogue;
  private final AtomicInteger loads = new AtomicInteger();

  public FixedReferenceData(ReferenceData catalogue) {
    this.catalogue = catalogue;
  }

  /** The seeded catalogue: ten offices, three suppliers, seven categories and their coverage. */
  public static FixedReferenceData seeded() {
    List<Office> offices =
        List.of(
            airport("MAD-AIRPORT", "Madrid-Barajas Airport", "Madrid", MADRID),
            airport("BCN-AIRPORT", "Barcelona-El Prat Airport", "Barcelona", MADRID),
            airport("AGP-AIRPORT", "Málaga-Costa del Sol Airport", "Málaga", MADRID),
            airport("PMI-AIRPORT", "Palma de Mallorca Airport", "Palma", MADRID),
            airport("VLC-AIRPORT", "Valencia Airport", "Valencia", MADRID),
            airport("SVQ-AIRPORT", "Sevilla Airport", "Sevilla", MADRID),
            airport("BIO-AIRPORT", "Bilbao Airport", "Bilbao", MADRID),
            airport(
                "LPA-AIRPORT",
                "Gran Canaria Airport",
                "Las Palmas de Gran Canaria",
                ZoneId.of("Atlantic/Canary")),
            station("MAD-ATOCHA", "Madrid Atocha Station", "Madrid"),
            station("BCN-SANTS", "Barcelona Sants Station", "Barcelona"));
    List<Supplier> suppliers =
        List.of(
            new Supplier("IBERCAR", "Ibercar Rent a Car"),
            new Supplier("SOLRENT", "Sol Rent"),
            new Supplier("NORTEAUTO", "Norte Auto Alquiler"));
    List<VehicleCategory> categories =
        List.of(
            category("MBMR", "Mini 2/4-door, manual, air conditioning", "29.90"),
            category("ECMN", "Economy 2/4-door, manual, no air conditioning", "34.50"),
            category("CDMR", "Compact 4/5-door, manual, air conditioning", "49.00"),
            category("CDAR", "Compact 4/5-door, automatic, air conditioning", "82.40"),
            category("IDAR", "Intermediate 4/5-door, automatic, air conditioning", "95.00"),
            category("SFAR", "Standard SUV, automatic, air conditioning", "119.00"),
            category("PVAR", "Premium passenger van, automatic, air conditioning", "159.00"));
    List<Coverage> coverage = new ArrayList<>();
    for (Office office : offices) {
      for (VehicleCategory category : categories) {
        coverage.add(new Coverage("IBERCAR", office.code(), category.code()));
        coverage.add(new Coverage("SOLRENT", office.code(), category.code()));
        if (Set.of("BIO-AIRPORT", "MAD-AIRPORT", "MAD-ATOCHA").contains(office.code())
            && !Set.of("MBMR", "PVAR").contains(category.code())) {
          coverage.add(new Coverage("NORTEAUTO", office.code(), category.code()));
        }
      }
    }
    return new FixedReferenceData(new ReferenceData(offices, suppliers, categories, coverage));
  }

  @Override
  public Mono<ReferenceData> load() {
    return Mono.fromCallable(
        () -> {
          loads.incrementAndGet();
          return catalogue;
        });
  }

  public ReferenceData catalogue() {
    return catalogue;
  }

  /** How often the catalogue was read. */
  public int loads() {
    return loads.get();
  }

  private static Office airport(String code, String name, String city, ZoneId zone) {
    return new Office(code, name, city, zone, MIDNIGHT, MIDNIGHT);
  }

  private static Office station(String code, String name, String city) {
    return new Office(code, name, city, MADRID, LocalTime.of(7, 0), LocalTime.of(23, 0));
  }

  private static VehicleCategory category(String code, String description, String dailyRate) {
    return new VehicleCategory(code, description, new Money(new BigDecimal(dailyRate), "EUR"));
  }
}
