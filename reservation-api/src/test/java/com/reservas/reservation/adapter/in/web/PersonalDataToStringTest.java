package com.reservas.reservation.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.testsupport.privacy.PersonalDataRecords;
import org.junit.jupiter.api.Test;

/** The API's own types that carry personal data print none of it. */
class PersonalDataToStringTest {

  @Test
  void everyRecordWithPersonalDataHasItsOwnToString() {
    assertThat(PersonalDataRecords.printingPersonalData("com.reservas.reservation")).isEmpty();
  }

  @Test
  void theViewOfACustomerPrintsItMasked() {
    assertThat(
            new ReservationView.Customer("Ana", "García Núñez", "ana@example.com", "+34600111222")
                .toString())
        .doesNotContain("Ana", "García", "Núñez", "ana@example", "600111222")
        .contains("G*** N***");
  }
}
