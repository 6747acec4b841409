package com.reservas.supplier.simulator.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.supplier.simulator.booking.BookingOutcome.Confirmed;
import com.reservas.supplier.simulator.booking.BookingOutcome.Rejected;
import com.reservas.supplier.simulator.fleet.FleetSizing;
import com.reservas.supplier.simulator.fleet.RentalPeriod;
import com.reservas.supplier.simulator.stats.ActivityCounters;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random sequences of overlapping bookings and cancellations against a small fleet: whatever the
 * order, no car is ever in two places, a request is refused only when every car is taken at some
 * point of its period, and a request id always gets the same answer.
 */
class BookingDeskProperties {

  private static final LocalDateTime START = LocalDateTime.parse("2027-03-01T00:00:00");
  private static final String OFFICE = "AGP-AIRPORT";
  private static final String CATEGORY = "CDAR";

  /** A booking of {@code days} days from day {@code firstDay}, or the cancellation of a booking. */
  record Step(boolean cancel, int firstDay, int days, int pick) {}

  @Property(tries = 300)
  void confirmedBookingsNeverShareACarAndRejectionsMeanEveryCarIsTaken(
      @ForAll @IntRange(min = 1, max = 3) int fleetSize, @ForAll("steps") List<Step> steps) {
    BookingDesk desk =
        new BookingDesk(
            FleetSizing.standard().withOfficeSize(OFFICE, fleetSize),
            new ActivityCounters(),
            Clock.systemUTC());
    List<Booking> confirmed = new ArrayList<>();

    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (step.cancel()) {
        if (!confirmed.isEmpty()) {
          Booking cancelled = confirmed.remove(step.pick() % confirmed.size());
          desk.cancel(cancelled.bookingReference(), "cancel-" + i);
        }
        continue;
      }
      BookingRequest request = request("book-" + i, step);
      List<Booking> before = List.copyOf(confirmed);
      BookingOutcome outcome = desk.book(request);
      if (outcome instanceof Confirmed made) {
        confirmed.add(made.booking());
      } else {
        assertThat(((Rejected) outcome).reason()).isEqualTo(RejectionReason.NO_AVAILABILITY);
        assertThat(carsTakenDuring(before, request.period())).hasSize(fleetSize);
      }
      assertThat(desk.book(request)).isEqualTo(replayOf(outcome, desk));
    }

    assertThat(desk.bookings().stream().filter(booking -> !booking.isCancelled()))
        .containsExactlyInAnyOrderElementsOf(confirmed);
    for (Booking one : confirmed) {
      for (Booking other : confirmed) {
        if (one != other && one.carId().equals(other.carId())) {
          assertThat(one.request().period().overlaps(other.request().period()))
              .as("%s and %s share car %s", one, other, one.carId())
              .isFalse();
        }
      }
    }
    assertThat(confirmed.stream().map(Booking::carId).distinct().count())
        .isLessThanOrEqualTo(fleetSize);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 4).map(roll -> roll == 0),
                Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(1, 6),
                Arbitraries.integers().between(0, 1000))
            .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(40);
  }

  private static List<String> carsTakenDuring(List<Booking> bookings, RentalPeriod period) {
    return bookings.stream()
        .filter(booking -> booking.request().period().overlaps(period))
        .map(Booking::carId)
        .distinct()
        .toList();
  }

  private static BookingOutcome replayOf(BookingOutcome outcome, BookingDesk desk) {
    if (outcome instanceof Confirmed made) {
      return new Confirmed(desk.booking(made.booking().bookingReference()).orElseThrow(), true);
    }
    Rejected rejected = (Rejected) outcome;
    return new Rejected(rejected.requestId(), rejected.reason(), rejected.message(), true);
  }

  private static BookingRequest request(String requestId, Step step) {
    LocalDateTime pickupAt = START.plusDays(step.firstDay()).plusHours(10);
    return new BookingRequest(
        requestId,
        "RES-" + requestId,
        OFFICE,
        OFFICE,
        CATEGORY,
        pickupAt,
        pickupAt.plusDays(step.days()),
        new Driver("Ana", "García"));
  }
}
