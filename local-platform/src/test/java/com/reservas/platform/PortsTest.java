package com.reservas.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void aPortGivenToTwoListenersIsRefusedWithBothSettingsNamed() {
    List<Ports.Listener> listeners =
        List.of(
            new Ports.Listener("reservation API", LocalSettings.API_PORT, 40545),
            new Ports.Listener("outbox relay", LocalSettings.RELAY_PORT, 8085),
            new Ports.Listener("notification dispatcher", LocalSettings.DISPATCHER_PORT, 40545));

    assertThatThrownBy(() -> Ports.requireDistinct(listeners))
        .isInstanceOf(PlatformStartException.class)
        .hasMessage(
            "Port 40545 is given to both the reservation API (RESERVAS_API_PORT) and the"
                + " notification dispatcher (RESERVAS_DISPATCHER_PORT). Give each its own port.");
  }

  @Test
  void distinctPortsPass() {
    List<Ports.Listener> listeners =
        List.of(
            new Ports.Listener("reservation API", LocalSettings.API_PORT, 8080),
            new Ports.Listener("outbox relay", LocalSettings.RELAY_PORT, 8085));

    assertThatCode(() -> Ports.requireDistinct(listeners)).doesNotThrowAnyException();
  }
}
