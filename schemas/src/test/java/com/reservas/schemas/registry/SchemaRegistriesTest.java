package com.reservas.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaRegistriesTest {

  @Test
  void withoutAUrlTheRegistryIsInMemory() {
    assertThat(SchemaRegistries.fromConfig(Map.of())).isInstanceOf(InMemorySchemaRegistry.class);
  }

  @Test
  void theMemUrlSelectsTheInMemoryRegistry() {
    assertThat(SchemaRegistries.fromConfig(Map.of(SchemaRegistries.URL_CONFIG, "mem://")))
        .isInstanceOf(InMemorySchemaRegistry.class);
  }

  @Test
  void anHttpUrlSelectsTheHttpClientWithCredentialsAndTimeouts() {
    SchemaRegistry registry =
        SchemaRegistries.fromConfig(
            Map.of(
                SchemaRegistries.URL_CONFIG, "https://registry.example:8081",
                SchemaRegistries.USERNAME_CONFIG, "reservas",
                SchemaRegistries.PASSWORD_CONFIG, "s3cret",
                SchemaRegistries.CONNECT_TIMEOUT_CONFIG, 1500,
                SchemaRegistries.REQUEST_TIMEOUT_CONFIG, "2500"));

    assertThat(registry)
        .isInstanceOfSatisfying(
            HttpSchemaRegistry.class,
            http ->
                assertThat(http.settings())
                    .isEqualTo(
                        new HttpSchemaRegistry.Settings(
                            URI.create("https://registry.example:8081"),
                            new HttpSchemaRegistry.BasicAuth("reservas", "s3cret"),
                            Duration.ofMillis(1500),
                            Duration.ofMillis(2500))));
  }

  @Test
  void anotherSchemeIsRefused() {
    assertThatThrownBy(
            () ->
                SchemaRegistries.fromConfig(Map.of(SchemaRegistries.URL_CONFIG, "ftp://registry")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reservas.schema-registry.url must be mem:// or an http(s) URL");
  }

  @Test
  void aTimeoutThatIsNotANumberIsRefused() {
    assertThatThrownBy(
            () ->
                SchemaRegistries.fromConfig(
                    Map.of(
                        SchemaRegistries.URL_CONFIG, "http://registry:8081",
                        SchemaRegistries.REQUEST_TIMEOUT_CONFIG, "10s")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reservas.schema-registry.request-timeout-ms must be a number");
  }
}
