package com.reservas.payment.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.testsupport.privacy.PersonalDataRecords;
import org.junit.jupiter.api.Test;

/** The payment consumer's types that carry personal data print none of it. */
class PersonalDataToStringTest {

  @Test
  void everyRecordWithPersonalDataHasItsOwnToString() {
    assertThat(PersonalDataRecords.printingPersonalData("com.reservas.payment")).isEmpty();
  }
}
