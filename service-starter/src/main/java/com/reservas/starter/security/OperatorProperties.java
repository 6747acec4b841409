package com.reservas.starter.security;

import jakarta.validation.constraints.NotBlank;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Operator credentials, one per purpose ({@code reservas.operator.*}; see docs/SECURITY.md). A
 * blank credential closes its purpose: every request for it is refused. Outside the {@code local}
 * profile each credential must be at least 32 random characters and no placeholder, or the service
 * does not start ({@link OperatorCredentialsCheck}).
 *
 * @param metricsToken scraping {@code /actuator/prometheus}
 * @param keyAdministrationToken API key administration (reservation API only)
 * @param operationsToken dead-letter replay, stuck reservations, audit log, other actuator
 *     endpoints and health details
 * @param header the header carrying the credential; {@code Authorization: Bearer} works too (what
 *     Prometheus sends)
 */
@Validated
@ConfigurationProperties("reservas.operator")
public record OperatorProperties(
    @DefaultValue("") String metricsToken,
    @DefaultValue("") String keyAdministrationToken,
    @DefaultValue("") String operationsToken,
    @DefaultValue("X-Admin-Token") @NotBlank String header) {

  /** Property names, for messages. */
  static final Map<OperatorRole, String> PROPERTIES =
      Map.of(
          OperatorRole.METRICS, "reservas.operator.metrics-token",
          OperatorRole.KEY_ADMINISTRATION, "reservas.operator.key-administration-token",
          OperatorRole.OPERATIONS, "reservas.operator.operations-token");

  /** The configured credential of each purpose (blank for a closed purpose). */
  public Map<OperatorRole, String> tokens() {
    Map<OperatorRole, String> tokens = new EnumMap<>(OperatorRole.class);
    tokens.put(OperatorRole.METRICS, metricsToken);
    tokens.put(OperatorRole.KEY_ADMINISTRATION, keyAdministrationToken);
    tokens.put(OperatorRole.OPERATIONS, operationsToken);
    return tokens;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("OperatorProperties[");
    tokens()
        .forEach(
            (role, token) ->
                text.append(role)
                    .append('=')
                    .append(token == null || token.isBlank() ? "(closed)" : "****")
                    .append(", "));
    return text.append("header=").append(header).append(']').toString();
  }
}
