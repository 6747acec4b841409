package com.reservas.supplier.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bodies {@link ExchangeLog} writes: masked by the privacy module, never shown raw. */
class LoggedBodiesTest {

  private final ExchangeLog log = new ExchangeLog(JsonSupport.MAPPER);

  @Test
  void driversNamesBecomeTheirInitialsAndStars() {
    String masked =
        log.masked(
            "{\"requestId\":\"K7P2QX9A-book\",\"driver\":{\"firstName\":\"Ángela\",\"lastName\":\" núñez\"}}");

    assertThat(masked)
        .isEqualTo(
            "{\"requestId\":\"K7P2QX9A-book\",\"driver\":{\"firstName\":\"Á***\",\"lastName\":\"n***\"}}");
  }

  @Test
  void driversAreMaskedWhereverTheyAppear() {
    String masked =
        log.masked(
            "[{\"driver\":{\"firstName\":\"Ana\",\"lastName\":\"García\"}},"
                + "{\"booking\":{\"driver\":{\"firstName\":\"Eva\",\"lastName\":1234}}}]");

    assertThat(masked)
        .doesNotContain("Ana", "García", "Eva", "1234")
        .contains("A***", "G***", "E***", "1***");
  }

  @Test
  void otherPersonalDataInABodyIsMaskedToo() {
    String masked =
        log.masked(
            "{\"note\":\"call ana@example.com or +34 600 111 222\",\"card\":\"4242424242424242\"}");

    assertThat(masked).doesNotContain("ana@", "600 111 222", "4242424242424242");
  }

  @Test
  void aBodyThatIsNotJsonIsNotShown() {
    assertThat(log.masked("firstName=Ana")).doesNotContain("Ana").contains("not JSON");
  }

  @Test
  void anEmptyBodyStaysEmpty() {
    assertThat(log.masked("")).isEmpty();
  }
}
