package com.reservas.reservation.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue a reservation is checked against: offices, suppliers, categories and which supplier
 * serves which office and category. Small and rarely changed, so it is read whole.
 */
public final class ReferenceData {

  private final Map<String, Office> offices;
  private final Map<String, Supplier> suppliers;
  private final Map<String, VehicleCategory> categories;
  private final Set<Coverage> coverage;

  public ReferenceData(
      Collection<Office> offices,
      Collection<Supplier> suppliers,
      Collection<VehicleCategory> categories,
      Collection<Coverage> coverage) {
    this.offices = index(offices, Office::code);
    this.suppliers = index(suppliers, Supplier::code);
    this.categories = index(categories, VehicleCategory::code);
    this.coverage = Set.copyOf(coverage);
  }

  public Optional<Office> office(String code) {
    return Optional.ofNullable(code).map(offices::get);
  }

  public Optional<Supplier> supplier(String code) {
    return Optional.ofNullable(code).map(suppliers::get);
  }

  public Optional<VehicleCategory> category(String code) {
    return Optional.ofNullable(code).map(categories::get);
  }

  public boolean serves(String supplierCode, String officeCode, String categoryCode) {
    return coverage.contains(new Coverage(supplierCode, officeCode, categoryCode));
  }

  public boolean servesOffice(String supplierCode, String officeCode) {
    return coverage.stream()
        .anyMatch(c -> c.supplierCode().equals(supplierCode) && c.officeCode().equals(officeCode));
  }

  public List<Office> offices() {
    return sorted(offices);
  }

  public List<Supplier> suppliers() {
    return sorted(suppliers);
  }

  public List<VehicleCategory> categories() {
    return sorted(categories);
  }

  /** The offices each supplier serves, for clients choosing a supplier. */
  public Set<String> officesServedBy(String supplierCode) {
    return coverage.stream()
        .filter(c -> c.supplierCode().equals(supplierCode))
        .map(Coverage::officeCode)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private static <T> Map<String, T> index(Collection<T> items, Function<T, String> key) {
    return items.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
  }

  private static <T> List<T> sorted(Map<String, T> byCode) {
    return byCode.keySet().stream().sorted().map(byCode::get).toList();
  }
}
