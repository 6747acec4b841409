package com.reservas.supplier.simulator.fleet;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many cars the supplier has per office and category. The standard sizing makes {@code
 * AGP-AIRPORT} scarce (2 cars per category) so that running out of cars is easy to demonstrate, and
 * gives every other office a fleet large enough never to run out in ordinary use. Immutable: the
 * {@code with...} methods return a new sizing.
 */
public final class FleetSizing {

  public static final int STANDARD_FLEET_SIZE = 50;
  public static final String SCARCE_OFFICE = "AGP-AIRPORT";
  public static final int SCARCE_OFFICE_FLEET_SIZE = 2;

  private final int defaultSize;
  private final Map<String, Integer> sizeByOffice;
  private final Map<String, Integer> sizeByOfficeAndCategory;

  private FleetSizing(
      int defaultSize,
      Map<String, Integer> sizeByOffice,
      Map<String, Integer> sizeByOfficeAndCategory) {
    this.defaultSize = requireFleetSize(defaultSize);
    this.sizeByOffice = Map.copyOf(sizeByOffice);
    this.sizeByOfficeAndCategory = Map.copyOf(sizeByOfficeAndCategory);
  }

  /** 2 cars per category at {@code AGP-AIRPORT}, 50 per category everywhere else. */
  public static FleetSizing standard() {
    return new FleetSizing(
        STANDARD_FLEET_SIZE, Map.of(SCARCE_OFFICE, SCARCE_OFFICE_FLEET_SIZE), Map.of());
  }

  /** The same office and category overrides with another size for every other office. */
  public FleetSizing withDefaultSize(int size) {
    return new FleetSizing(size, sizeByOffice, sizeByOfficeAndCategory);
  }

  /** Every category at {@code officeCode} gets {@code size} cars. */
  public FleetSizing withOfficeSize(String officeCode, int size) {
    Map<String, Integer> offices = new LinkedHashMap<>(sizeByOffice);
    offices.put(officeCode, requireFleetSize(size));
    return new FleetSizing(defaultSize, offices, sizeByOfficeAndCategory);
  }

  /** One category at one office gets {@code size} cars; wins over the office-wide size. */
  public FleetSizing withOfficeCategorySize(String officeCode, String categoryCode, int size) {
    Map<String, Integer> pairs = new LinkedHashMap<>(sizeByOfficeAndCategory);
    pairs.put(key(officeCode, categoryCode), requireFleetSize(size));
    return new FleetSizing(defaultSize, sizeByOffice, pairs);
  }

  /**
   * Applies overrides written as {@code OFFICE=SIZE} or {@code OFFICE/CATEGORY=SIZE}, separated by
   * commas (e.g. {@code AGP-AIRPORT=2,MAD-AIRPORT/CDAR=10}), as taken from an environment variable.
   */
  public FleetSizing withOverrides(String overrides) {
    FleetSizing sizing = this;
    if (overrides == null || overrides.isBlank()) {
      return sizing;
    }
    for (String entry : overrides.split(",")) {
      String[] target = entry.trim().split("=", 2);
      if (target.length != 2) {
        throw new IllegalArgumentException("Fleet override is not TARGET=SIZE: " + entry);
      }
      int size = Integer.parseInt(target[1].trim());
      String[] officeAndCategory = target[0].trim().split("/", 2);
      sizing =
          officeAndCategory.length == 1
              ? sizing.withOfficeSize(officeAndCategory[0], size)
              : sizing.withOfficeCategorySize(officeAndCategory[0], officeAndCategory[1], size);
    }
    return sizing;
  }

  public int sizeOf(String officeCode, String categoryCode) {
    Integer pairSize = sizeByOfficeAndCategory.get(key(officeCode, categoryCode));
    if (pairSize != null) {
      return pairSize;
    }
    return sizeByOffice.getOrDefault(officeCode, defaultSize);
  }

  public int defaultSize() {
    return defaultSize;
  }

  private static String key(String officeCode, String categoryCode) {
    return officeCode + "/" + categoryCode;
  }

  private static int requireFleetSize(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("A fleet size cannot be negative: " + size);
    }
    return size;
  }

  @Override
  public String toString() {
    return "FleetSizing[default="
        + defaultSize
        + ", offices="
        + sizeByOffice
        + ", officeCategories="
        + sizeByOfficeAndCategory
        + "]";
  }
}
