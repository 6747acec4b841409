package com.reservas.supplier.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PayloadMaskingTest {

  private final PayloadMasking masking = new PayloadMasking(JsonMapper.builder().build());

  @Test
  void driversNamesBecomeTheirFirstLetterAndStars() {
    String masked =
        masking.mask(
            "{\"requestId\":\"K7P2QX9A-book\",\"driver\":{\"firstName\":\"Ángela\",\"lastName\":\" núñez\"}}");

    assertThat(masked)
        .isEqualTo(
            "{\"requestId\":\"K7P2QX9A-book\",\"driver\":{\"firstName\":\"Á***\",\"lastName\":\"n***\"}}");
  }

  @Test
  void driversAreMaskedWhereverTheyAppear() {
    String masked =
        masking.mask(
            "[{\"driver\":{\"firstName\":\"Ana\",\"lastName\":\"García\"}},"
                + "{\"booking\":{\"driver\":{\"firstName\":\"Eva\",\"lastName\":1234}}}]");

    assertThat(masked)
        .doesNotContain("Ana", "García", "Eva", "1234")
        .contains("A***", "G***", "E***", "1***");
  }

  @Test
  void aBodyThatIsNotJsonIsNotShown() {
    assertThat(masking.mask("firstName=Ana")).doesNotContain("Ana").contains("not JSON");
  }

  @Test
  void anEmptyBodyStaysEmpty() {
    assertThat(masking.mask("")).isEmpty();
  }
}
