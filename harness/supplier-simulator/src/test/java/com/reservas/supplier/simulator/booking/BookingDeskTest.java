package com.reservas.supplier.simulator.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.supplier.simulator.booking.BookingOutcome.Confirmed;
import com.reservas.supplier.simulator.booking.BookingOutcome.Rejected;
import com.reservas.supplier.simulator.fleet.FleetSizing;
import com.reservas.supplier.simulator.stats.ActivityCounters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookingDeskTest {

  private static final LocalDateTime MARCH_10 = LocalDateTime.parse("2027-03-10T09:30:00");

  private final ActivityCounters counters = new ActivityCounters();
  private final BookingDesk desk =
      new BookingDesk(FleetSizing.standard(), counters, Clock.systemUTC());

  @Test
  void threadsRacingForTheLastCarsNeverBookMoreThanTheFleet() throws Exception {
    int threads = 8;
    int requestsPerThread = 50;
    CountDownLatch start = new CountDownLatch(1);
    List<BookingOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int thread = 0; thread < threads; thread++) {
        int threadNumber = thread;
        running.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < requestsPerThread; i++) {
                    outcomes.add(desk.book(request("T" + threadNumber + "-" + i, "AGP-AIRPORT")));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : running) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(outcomes.stream().filter(Confirmed.class::isInstance)).hasSize(2);
    assertThat(outcomes.stream().filter(Rejected.class::isInstance))
        .hasSize(threads * requestsPerThread - 2);
    assertThat(counters.snapshot(0).bookingsMade()).isEqualTo(2);
  }

  @Test
  void cancellingFreesTheCarExactlyOnce() {
    Booking booking = ((Confirmed) desk.book(request("A", "AGP-AIRPORT"))).booking();
    desk.book(request("B", "AGP-AIRPORT"));

    CancellationOutcome first = desk.cancel(booking.bookingReference(), "A-cancel");
    CancellationOutcome again = desk.cancel(booking.bookingReference(), "A-cancel-again");

    assertThat(first).isInstanceOf(CancellationOutcome.Cancelled.class);
    assertThat(((CancellationOutcome.Cancelled) again).alreadyCancelled()).isTrue();
    assertThat(desk.book(request("C", "AGP-AIRPORT"))).isInstanceOf(Confirmed.class);
    assertThat(desk.book(request("D", "AGP-AIRPORT"))).isInstanceOf(Rejected.class);
  }

  @Test
  void aReplayedConfirmationShowsTheBookingAsItIsNow() {
    BookingRequest request = request("A", "MAD-AIRPORT");
    Booking booking = ((Confirmed) desk.book(request)).booking();
    desk.cancel(booking.bookingReference(), "A-cancel");

    Confirmed replay = (Confirmed) desk.book(request);

    assertThat(replay.replayed()).isTrue();
    assertThat(replay.booking().status()).isEqualTo(BookingStatus.CANCELLED);
  }

  @Test
  void clearingForgetsBookingsAndRequestIds() {
    desk.book(request("A", "AGP-AIRPORT"));
    desk.book(request("B", "AGP-AIRPORT"));

    desk.clear();

    assertThat(desk.bookings()).isEmpty();
    assertThat(((Confirmed) desk.book(request("A", "AGP-AIRPORT"))).replayed()).isFalse();
  }

  @Test
  void aDeskOpenedAgainOnItsBooksKnowsTheBookingsTheAnswersAndWhichCarsAreTaken(
      @TempDir Path books) {
    Path file = books.resolve("bookings.jsonl");
    desk.keepBooksIn(file);
    Booking cancelled = ((Confirmed) desk.book(request("A", "AGP-AIRPORT"))).booking();
    Booking kept = ((Confirmed) desk.book(request("B", "AGP-AIRPORT"))).booking();
    desk.cancel(cancelled.bookingReference(), "A-cancel");

    BookingDesk reopened = new BookingDesk(FleetSizing.standard(), counters, Clock.systemUTC());
    reopened.keepBooksIn(file);

    assertThat(reopened.book(request("B", "AGP-AIRPORT"))).isEqualTo(new Confirmed(kept, true));
    assertThat(reopened.cancel(cancelled.bookingReference(), "A-cancel"))
        .isInstanceOf(CancellationOutcome.Cancelled.class)
        .extracting(outcome -> ((CancellationOutcome.Cancelled) outcome).booking().isCancelled())
        .isEqualTo(true);
    // AGP-AIRPORT has two cars: B's is still taken, A's was given back.
    assertThat(reopened.book(request("C", "AGP-AIRPORT"))).isInstanceOf(Confirmed.class);
    assertThat(reopened.book(request("D", "AGP-AIRPORT"))).isInstanceOf(Rejected.class);
  }

  private static BookingRequest request(String requestId, String office) {
    return new BookingRequest(
        requestId,
        "RES-" + requestId,
        office,
        office,
        "CDAR",
        MARCH_10,
        MARCH_10.plusDays(4),
        new Driver("Ana", "García"));
  }
}
