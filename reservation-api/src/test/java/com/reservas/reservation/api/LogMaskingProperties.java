package com.reservas.reservation.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever personal data the API logs, in the forms its log lines take (a request body, {@code
 * key=value} pairs, free text, an exception message), the line the API's own Logback configuration
 * ({@code reservas-logback.xml}) writes never shows it.
 */
class LogMaskingProperties {

  /** Someone whose data the API might log. */
  record Person(String firstName, String lastName, String email, String phone, String token) {}

  private final PatternLayoutEncoder encoder = apiEncoder();
  private final Logger logger =
      ((LoggerContext) encoder.getContext()).getLogger(ReservationApiApplication.class);

  @Property(tries = 300)
  void aLoggedRequestBodyShowsNoPersonalData(@ForAll("people") Person p) {
    String body =
        ("{\"customer\": {\"firstName\": \"%s\", \"lastName\": \"%s\", \"email\": \"%s\","
                + " \"phone\": \"%s\"}, \"payment\": {\"paymentMethodToken\": \"%s\"}}")
            .formatted(p.firstName(), p.lastName(), p.email(), p.phone(), p.token());

    assertShowsNothingOf(p, line("Decoded {}", null, body));
  }

  @Property(tries = 300)
  void keyValuePairsAndFreeTextShowNoPersonalData(@ForAll("people") Person p) {
    String lastWord = p.lastName().substring(p.lastName().lastIndexOf(' ') + 1);
    String message =
        "firstName=%s lastName=%s email=%s phone=%s token=%s; contact %s or %s, paid with %s"
            .formatted(
                p.firstName(),
                lastWord,
                p.email(),
                p.phone(),
                p.token(),
                p.email(),
                p.phone(),
                p.token());

    String line = line(message, null);
    assertShowsNothingOf(
        new Person(p.firstName(), lastWord, p.email(), p.phone(), p.token()), line);
  }

  @Property(tries = 300)
  void anExceptionMessageShowsNoPersonalData(@ForAll("people") Person p) {
    RuntimeException error =
        new IllegalStateException(
            "Duplicate entry '%s' for key 'email'; request {\"phone\": \"%s\", \"firstName\": \"%s\", \"lastName\": \"%s\"} with %s"
                .formatted(p.email(), p.phone(), p.firstName(), p.lastName(), p.token()));

    assertShowsNothingOf(p, line("Unhandled error on POST /api/v1/reservations", error));
  }

  @Provide
  Arbitrary<Person> people() {
    Arbitrary<String> names = name();
    Arbitrary<String> lastNames =
        Combinators.combine(name(), name(), Arbitraries.of(true, false))
            .as((a, b, two) -> two ? a + " " + b : a);
    Arbitrary<String> emails =
        Combinators.combine(
                Arbitraries.strings()
                    .withChars("abcdefghijklmnopqrstuvwxyz0123456789._")
                    .ofMinLength(3)
                    .ofMaxLength(20)
                    .filter(s -> Character.isLetterOrDigit(s.charAt(0))),
                Arbitraries.of("example.com", "correo.es", "mail.example.org", "x.io"))
            .as((local, domain) -> local + "@" + domain);
    Arbitrary<String> phones =
        Combinators.combine(
                Arbitraries.of("+34", "+1", "+44", "+351", "0034"),
                Arbitraries.strings().numeric().ofLength(9),
                Arbitraries.of("", " ", "-"))
            .as(
                (prefix, digits, separator) ->
                    prefix
                        + digits.substring(0, 3)
                        + separator
                        + digits.substring(3, 6)
                        + separator
                        + digits.substring(6));
    Arbitrary<String> tokens =
        Combinators.combine(
                Arbitraries.of("pm_", "tok_"),
                Arbitraries.strings().alpha().numeric().ofMinLength(10).ofMaxLength(24))
            .as((prefix, rest) -> prefix + rest);
    return Combinators.combine(names, lastNames, emails, phones, tokens).as(Person::new);
  }

  /**
   * A name of 4 to 12 letters with at least one letter outside ASCII, so it cannot be part of the
   * fixed text of a log line (logger names, levels) by chance.
   */
  private static Arbitrary<String> name() {
    Arbitrary<Character> initial = Arbitraries.of('Á', 'É', 'Ñ', 'Ó', 'Ú', 'Ž', 'Ł', 'Δ', 'Ж', 'Ö');
    Arbitrary<String> rest =
        Arbitraries.strings()
            .withChars("abcdefghijklmnopqrstuvwxyzáéíóúñçü")
            .ofMinLength(3)
            .ofMaxLength(11);
    return Combinators.combine(initial, rest).as((i, r) -> i + r);
  }

  private static void assertShowsNothingOf(Person p, String line) {
    String digits = p.phone().replaceAll("\\D", "");
    assertThat(line)
        .doesNotContain(p.email())
        .doesNotContain(p.email().substring(0, p.email().indexOf('@')) + "@")
        .doesNotContain(p.token())
        .doesNotContain(digits.substring(digits.length() - 7))
        .doesNotContain(p.phone());
    for (String word : (p.firstName() + " " + p.lastName()).split(" ")) {
      assertThat(line).doesNotContain(word);
    }
  }

  private String line(String message, Throwable error, Object... arguments) {
    LoggingEvent event =
        new LoggingEvent(Logger.class.getName(), logger, Level.INFO, message, error, arguments);
    return new String(encoder.encode(event), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The encoder of the console appender that reservas-logback.xml configures. */
  @SuppressWarnings("unchecked")
  private static PatternLayoutEncoder apiEncoder() {
    LoggerContext context = new LoggerContext();
    // The layout names each line's trace from the MDC, as Spring Boot's logging system sets it up.
    context.setMDCAdapter(new LogbackMDCAdapter());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(LogMaskingProperties.class.getResource("/reservas-logback.xml"));
    } catch (JoranException e) {
      throw new IllegalStateException(e);
    }
    ConsoleAppender<ILoggingEvent> console =
        (ConsoleAppender<ILoggingEvent>)
            context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
    assertThat(console).as("the console appender of reservas-logback.xml").isNotNull();
    List<String> statusErrors =
        context.getStatusManager().getCopyOfStatusList().stream()
            .filter(s -> s.getLevel() >= ch.qos.logback.core.status.Status.ERROR)
            .map(Object::toString)
            .toList();
    assertThat(statusErrors).as("Logback configuration errors").isEmpty();
    return (PatternLayoutEncoder) console.getEncoder();
  }
}
