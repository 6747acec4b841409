package com.reservas.reservation.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.reservation.application.port.in.CreateReservationCommand;
import com.reservas.reservation.application.port.in.ReservationRequest;
import com.reservas.reservation.domain.Customer;
import com.reservas.reservation.domain.Handover;
import com.reservas.reservation.domain.RentalPeriod;
import com.reservas.reservation.domain.ReservationDetails;
import com.reservas.reservation.domain.VehicleChoice;
import com.reservas.testsupport.privacy.PersonalDataRecords;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Types that carry personal data print none of it: log lines and exception messages stay clean. */
class PersonalDataToStringTest {

  private static final List<String> PERSONAL =
      List.of("Ana", "García", "Núñez", "ana@example.com", "600111222", "pm_card_visa");

  @Test
  void everyRecordWithPersonalDataHasItsOwnToString() {
    assertThat(PersonalDataRecords.printingPersonalData("com.reservas.reservation")).isEmpty();
  }

  @Test
  void theCustomerTheDetailsAndTheRequestPrintNoPersonalData() {
    Customer customer = new Customer("Ana", "García Núñez", "ana@example.com", "+34600111222");
    ZoneId madrid = ZoneId.of("Europe/Madrid");
    ReservationDetails details =
        new ReservationDetails(
            customer,
            new VehicleChoice("CDAR", "IBERCAR"),
            new RentalPeriod(
                new Handover("MAD-AIRPORT", LocalDateTime.parse("2027-03-10T09:30"), madrid),
                new Handover("MAD-AIRPORT", LocalDateTime.parse("2027-03-14T18:00"), madrid)),
            "pm_card_visa");
    ReservationRequest request =
        new ReservationRequest(
            "Ana",
            "García Núñez",
            "ana@example.com",
            "+34600111222",
            "CDAR",
            "IBERCAR",
            "MAD-AIRPORT",
            "2027-03-10T09:30:00",
            "MAD-AIRPORT",
            "2027-03-14T18:00:00",
            "pm_card_visa");
    CreateReservationCommand command =
        new CreateReservationCommand(
            "client-a", Optional.empty(), request, List.of(), null, "198.51.100.7");

    for (Object value : List.of(customer, details, request, command)) {
      assertThat(value.toString()).as(value.getClass().getSimpleName()).doesNotContain(PERSONAL);
    }
    assertThat(customer.toString()).isEqualTo("Customer[A*** G*** N***, email=***, phone=***]");
    assertThat(request.toString()).contains("CDAR", "MAD-AIRPORT", "2027-03-10T09:30:00");
  }
}
