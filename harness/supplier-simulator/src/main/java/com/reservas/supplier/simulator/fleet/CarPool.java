package com.reservas.supplier.simulator.fleet;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The cars of one category at one office and the periods each car is booked for. A booking needs
 * one car free for the whole period: the simulator does not swap cars during a rental. Cars come
 * into being when first needed, so a fleet of thousands costs nothing until it is used. Not
 * thread-safe.
 */
final class CarPool {

  private final String officeCode;
  private final String categoryCode;
  private final int size;
  private final List<Car> cars = new ArrayList<>();

  CarPool(String officeCode, String categoryCode, int size) {
    this.officeCode = officeCode;
    this.categoryCode = categoryCode;
    this.size = size;
  }

  /** Books the first car free for the whole period and returns its id, or empty if none is. */
  Optional<String> reserve(RentalPeriod period) {
    for (Car car : cars) {
      if (car.isFreeFor(period)) {
        car.book(period);
        return Optional.of(car.id);
      }
    }
    if (cars.size() < size) {
      Car car = new Car(carId(cars.size() + 1));
      cars.add(car);
      car.book(period);
      return Optional.of(car.id);
    }
    return Optional.empty();
  }

  /** Frees the car for the period; a period the car was not booked for is ignored. */
  void release(String carId, RentalPeriod period) {
    for (Car car : cars) {
      if (car.id.equals(carId)) {
        car.unbook(period);
        return;
      }
    }
  }

  /** Books the car {@code carId} for the period again: a booking read back from the journal. */
  void restore(String carId, RentalPeriod period) {
    int number = Integer.parseInt(carId.substring(carId.lastIndexOf('-') + 1));
    while (cars.size() < number) {
      cars.add(new Car(carId(cars.size() + 1)));
    }
    cars.get(number - 1).book(period);
  }

  private String carId(int number) {
    return "%s-%s-%03d".formatted(officeCode, categoryCode, number);
  }

  private static final class Car {
    private final String id;
    private final NavigableMap<LocalDateTime, RentalPeriod> bookedByPickup = new TreeMap<>();

    private Car(String id) {
      this.id = id;
    }

    /** Booked periods never overlap, so only the neighbours of the pickup time can collide. */
    private boolean isFreeFor(RentalPeriod period) {
      Map.Entry<LocalDateTime, RentalPeriod> before = bookedByPickup.floorEntry(period.pickupAt());
      if (before != null && before.getValue().overlaps(period)) {
        return false;
      }
      Map.Entry<LocalDateTime, RentalPeriod> after = bookedByPickup.ceilingEntry(period.pickupAt());
      return after == null || !after.getValue().overlaps(period);
    }

    private void book(RentalPeriod period) {
      bookedByPickup.put(period.pickupAt(), period);
    }

    private void unbook(RentalPeriod period) {
      bookedByPickup.remove(period.pickupAt(), period);
    }
  }
}
