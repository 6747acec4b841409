package com.reservas.starter.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class OperatorCredentialsCheckTest {

  private static final String METRICS = "Vq3r8Jd0pLx2mN7tY5wK1zA9cF4hG6sB";
  private static final String OPERATIONS = "T4nB8vC2xZ6mQ1wE9rY3uI7oP5aS0dFg";

  private static OperatorProperties credentials(String metrics, String keys, String operations) {
    return new OperatorProperties(metrics, keys, operations, "X-Admin-Token");
  }

  @Test
  void randomDistinctCredentialsStartAnywhere() {
    assertThatCode(
            () ->
                OperatorCredentialsCheck.check(
                    credentials(METRICS, "", OPERATIONS), new MockEnvironment()))
        .doesNotThrowAnyException();
  }

  @Test
  void aPlaceholderStopsTheStartAndNamesItsProperty() {
    assertThatThrownBy(
            () ->
                OperatorCredentialsCheck.check(
                    credentials("change-me-metrics-token-0123456789abcdef", "", OPERATIONS),
                    new MockEnvironment()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("reservas.operator.metrics-token")
        .hasMessageContaining("placeholder");
  }

  @Test
  void aShortOrMonotonousCredentialStopsTheStart() {
    assertThatThrownBy(
            () ->
                OperatorCredentialsCheck.check(
                    credentials(METRICS, "local-admin-token", OPERATIONS), new MockEnvironment()))
        .hasMessageContaining("reservas.operator.key-administration-token")
        .hasMessageContaining("shorter than 32");
    assertThatThrownBy(
            () ->
                OperatorCredentialsCheck.check(
                    credentials(METRICS, "", "abababababababababababababababababab"),
                    new MockEnvironment()))
        .hasMessageContaining("reservas.operator.operations-token")
        .hasMessageContaining("different characters");
  }

  @Test
  void oneCredentialForTwoPurposesStopsTheStart() {
    assertThatThrownBy(
            () ->
                OperatorCredentialsCheck.check(
                    credentials(METRICS, METRICS, OPERATIONS), new MockEnvironment()))
        .hasMessageContaining("has the same value as");
  }

  @Test
  void theLocalProfileKeepsItsPublishedCredentials() {
    MockEnvironment local = new MockEnvironment();
    local.setActiveProfiles("local");
    assertThatCode(
            () ->
                OperatorCredentialsCheck.check(
                    credentials(
                        "local-metrics-token", "local-admin-token", "local-operations-token"),
                    local))
        .doesNotThrowAnyException();
  }

  @Test
  void aReplacedPropertyIsRefusedEvenLocally() {
    MockEnvironment local =
        new MockEnvironment().withProperty("reservas.projector.admin-token", "x");
    local.setActiveProfiles("local");
    assertThatThrownBy(() -> OperatorCredentialsCheck.check(credentials("", "", ""), local))
        .hasMessageContaining("reservas.projector.admin-token is no longer read")
        .hasMessageContaining("reservas.operator.operations-token");
  }
}
