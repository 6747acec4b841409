package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservas.reservation.adapter.in.web.security.ApiKeyHasher;
import com.reservas.testsupport.TestDatabase;
import com.reservas.testsupport.seal.TestTokenSeal;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The prod profile serves HTTPS only, through a Spring Boot SSL bundle, with HSTS; without a bundle
 * it does not start. The certificate is made for the test with the JDK's keytool.
 */
@ExtendWith(OutputCaptureExtension.class)
class TlsTest {

  private static final String PASSWORD = "test-keystore-password";
  private static final String PEPPER = "a-production-pepper-only-for-this-test";

  @TempDir static Path directory;
  private static Path keystore;
  private static TestDatabase database;

  @BeforeAll
  static void certificateAndDatabase() throws Exception {
    keystore = directory.resolve("api.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "api",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    String keytoolOutput = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(keytoolOutput).isZero();
    assertThat(keystore).exists();
    database = TestDatabase.create();
    // No demo clients in prod: the test's client is created as an operator's would be, stored
    // hashed.
    try (Connection c = database.connect();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO api_client (id, name, key_hash, revoked, created_at)"
                    + " VALUES ('tls-test', 'TLS test', ?, FALSE, NOW(6))")) {
      insert.setString(1, new ApiKeyHasher(PEPPER).hash("tls-test-key"));
      insert.executeUpdate();
    }
  }

  @Test
  void inProductionTheApiSpeaksHttpsWithHstsAndPlainHttpOnItsPortFails(CapturedOutput output)
      throws Exception {
    List<String> args = productionArguments();
    args.add("--spring.ssl.bundle.jks.api.keystore.location=file:" + keystore);
    args.add("--spring.ssl.bundle.jks.api.keystore.password=" + PASSWORD);
    args.add("--spring.ssl.bundle.jks.api.keystore.type=PKCS12");
    args.add("--server.ssl.bundle=api");

    try (ConfigurableApplicationContext api = start(args)) {
      int port = Integer.parseInt(api.getEnvironment().getProperty("local.server.port"));

      HttpResponse<String> offices =
          trustingTheTestCertificate()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("https://localhost:" + port + "/api/v1/offices"))
                      .header("X-Api-Key", "tls-test-key")
                      .timeout(Duration.ofSeconds(30))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(offices.statusCode()).isEqualTo(200);
      assertThat(offices.body()).contains("MAD-AIRPORT");
      assertThat(offices.headers().firstValue("Strict-Transport-Security"))
          .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000"));
      assertThat(offices.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

      int managementPort =
          Integer.parseInt(api.getEnvironment().getProperty("local.management.port"));
      HttpResponse<String> health =
          trustingTheTestCertificate()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("https://localhost:" + managementPort + "/actuator/health"))
                      .timeout(Duration.ofSeconds(30))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode())
          .as("the management port speaks TLS with the same bundle")
          .isEqualTo(200);

      HttpClient plain =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      HttpRequest inClear =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/offices"))
              .header("X-Api-Key", "tls-test-key")
              .timeout(Duration.ofSeconds(10))
              .build();
      assertThatThrownBy(() -> plain.send(inClear, HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);
    }
    assertThat(output.getAll())
        .as("the refused request is not dumped into the log, not even as hex")
        .doesNotContain("tls-test-key")
        .doesNotContain(java.util.HexFormat.of().formatHex("tls-test-key".getBytes()));
  }

  @Test
  void inProductionWithoutAnSslBundleTheApiRefusesToStart() {
    assertThatThrownBy(() -> start(productionArguments()).close())
        .hasStackTraceContaining("TLS is required")
        .hasStackTraceContaining("server.ssl.bundle is not set");
  }

  private static List<String> productionArguments() {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--management.server.port=0");
    args.add("--spring.r2dbc.url=" + database.r2dbcUrl());
    args.add("--spring.flyway.url=" + database.jdbcUrl());
    args.add("--reservas.security.api-key-pepper=" + PEPPER);
    args.add("--" + TestTokenSeal.PROPERTY);
    args.add("--" + TestTokenSeal.WEBHOOK_KEY_PROPERTY);
    return args;
  }

  private static ConfigurableApplicationContext start(List<String> args) {
    return ReservationApiApplication.application()
        .profiles("prod")
        .run(args.toArray(String[]::new));
  }

  private static HttpClient trustingTheTestCertificate() throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      trusted.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
  }
}
