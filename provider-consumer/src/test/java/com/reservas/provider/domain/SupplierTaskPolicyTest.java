package com.reservas.provider.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.consumer.support.loop.Decision;
import com.reservas.provider.Reservations;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SupplierTaskPolicyTest {

  private final SupplierTaskPolicy policy = new SupplierTaskPolicy();

  @Test
  void aPaidReservationAwaitingItsCarIsBookedFromItsSnapshot() {
    ReservationSnapshot paid = Reservations.paid("K7P2QX9A", "AGP-AIRPORT");

    SupplierTask task = taskOf(policy.decide(paid, false));

    assertThat(task)
        .isEqualTo(
            new SupplierTask.Book(
                new BookingRequest(
                    "K7P2QX9A-book",
                    "K7P2QX9A",
                    "IBERCAR",
                    "AGP-AIRPORT",
                    "AGP-AIRPORT",
                    "CDAR",
                    Reservations.PICKUP,
                    Reservations.DROPOFF,
                    new Driver("Ana", "García Núñez")),
                false));
  }

  @Test
  void aReminderOfAPaidReservationLooksForTheBookingBeforeBookingAgain() {
    SupplierTask task = taskOf(policy.decide(Reservations.paid("K7P2QX9A", "AGP-AIRPORT"), true));

    assertThat(((SupplierTask.Book) task).askedBefore()).isTrue();
  }

  @Test
  void aOneWayRentalIsBookedAtThePickupOfficeWithTheDropOffOfficeNamed() {
    ReservationSnapshot paid = Reservations.paid("K7P2QX9A", "MAD-AIRPORT");
    ReservationSnapshot oneWay =
        new ReservationSnapshot(
            paid.code(),
            paid.status(),
            paid.supplierStatus(),
            paid.supplierCode(),
            paid.categoryCode(),
            paid.pickup(),
            new Stop("BCN-AIRPORT", Reservations.DROPOFF),
            paid.driver(),
            null,
            paid.version());

    BookingRequest request = ((SupplierTask.Book) taskOf(policy.decide(oneWay, false))).request();

    assertThat(request.officeCode()).isEqualTo("MAD-AIRPORT");
    assertThat(request.dropoffOfficeCode()).isEqualTo("BCN-AIRPORT");
  }

  @Test
  void aCancelledReservationWhoseCarTheSupplierConfirmedIsCancelledWithTheSupplier() {
    ReservationSnapshot cancelled =
        Reservations.cancelledAfterConfirmation("K7P2QX9A", "AGP-AIRPORT", "SB7K2P9QXA");

    SupplierTask task = taskOf(policy.decide(cancelled, false));

    assertThat(task)
        .isEqualTo(
            new SupplierTask.Cancel(
                new CancellationRequest("K7P2QX9A-cancel", "K7P2QX9A", "IBERCAR", "SB7K2P9QXA")));
  }

  @Test
  void aCancelledReservationWhoseBookingAnswerNeverCameIsBookedAgainUnderTheSameRequestId() {
    ReservationSnapshot cancelled =
        Reservations.snapshot("K7P2QX9A", "CANCELLED", "REQUESTED", "MAD-AIRPORT", null);

    SupplierTask task = taskOf(policy.decide(cancelled, false));

    assertThat(task).isInstanceOf(SupplierTask.Book.class);
    assertThat(((SupplierTask.Book) task).request().requestId()).isEqualTo("K7P2QX9A-book");
    assertThat(((SupplierTask.Book) task).askedBefore()).isTrue();
  }

  static Stream<Arguments> nothingForTheSupplier() {
    return Stream.of(
        Arguments.of("CREATED", "PENDING", null),
        Arguments.of("PAYMENT_IN_PROGRESS", "PENDING", null),
        Arguments.of("PAID", "PENDING", null),
        Arguments.of("PAID", "CONFIRMED", "SB7K2P9QXA"),
        Arguments.of("PAID", "REJECTED", null),
        Arguments.of("SUPPLIER_CONFIRMED", "CONFIRMED", "SB7K2P9QXA"),
        Arguments.of("CANCELLED", "PENDING", null),
        Arguments.of("CANCELLED", "REJECTED", null),
        Arguments.of("CANCELLED", "CANCELLED", "SB7K2P9QXA"),
        Arguments.of("CANCELLED", "CONFIRMED", null),
        Arguments.of("CANCELLED", "CONFIRMED", " "),
        Arguments.of("ON_HOLD", "REQUESTED", null),
        Arguments.of("PAID", "WAITLISTED", null));
  }

  @ParameterizedTest(name = "{0} / {1} / {2}")
  @MethodSource("nothingForTheSupplier")
  void everyOtherSnapshotAsksNothingOfTheSupplier(
      String status, String supplierStatus, String bookingReference) {
    ReservationSnapshot snapshot =
        Reservations.snapshot("K7P2QX9A", status, supplierStatus, "MAD-AIRPORT", bookingReference);

    assertThat(policy.decide(snapshot, false)).isInstanceOf(Decision.Skip.class);
  }

  private static SupplierTask taskOf(Decision<SupplierTask> decision) {
    assertThat(decision).isInstanceOf(Decision.Act.class);
    return ((Decision.Act<SupplierTask>) decision).task();
  }

  @Test
  void eachOperationHasOneRequestIdPerReservation() {
    assertThat(SupplierOperation.BOOK.requestIdFor("K7P2QX9A")).isEqualTo("K7P2QX9A-book");
    assertThat(SupplierOperation.CANCEL.requestIdFor("K7P2QX9A")).isEqualTo("K7P2QX9A-cancel");
  }

  @Test
  void theDriverNameStaysOutOfLogs() {
    assertThat(new Driver("Ana", "García Núñez").toString()).isEqualTo("Driver[A. G.]");
  }
}
