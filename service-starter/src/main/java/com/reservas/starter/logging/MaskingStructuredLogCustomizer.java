package com.reservas.starter.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.reservas.privacy.PersonalDataMasker;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.json.JsonWriter.MemberPath;
import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks JSON log lines (Spring Boot's structured logging, {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=
 * ecs} or {@code logstash}) as {@code %maskedMsg} and {@code %maskedEx} mask the text lines: every
 * string value (the message, the exception's message and stack trace, MDC and key-value pairs) goes
 * through {@link PersonalDataMasker#maskText}. Trace and span ids are left alone: they are random
 * hex, at times a Luhn-valid run of digits the card masker would hide, and they are what a line is
 * searched by.
 */
public class MaskingStructuredLogCustomizer
    implements StructuredLoggingJsonMembersCustomizer<ILoggingEvent> {

  private static final Set<String> TRACE_CONTEXT_NAMES =
      Set.of("traceid", "spanid", "trace_id", "span_id", "parentid");
  private static final Set<String> TRACE_CONTEXT_PARENTS = Set.of("trace", "span");

  private final PersonalDataMasker masker = PersonalDataMasker.standard();

  /** Registered in {@code META-INF/spring.factories}: Spring Boot applies it to every format. */
  public MaskingStructuredLogCustomizer() {}

  @Override
  public void customize(Members<ILoggingEvent> members) {
    members.applyingValueProcessor(
        ValueProcessor.of(String.class, masker::maskText)
            .whenHasPath(path -> !isTraceContext(path)));
  }

  /** {@code traceId}, {@code spanId} (MDC), {@code trace_id}, or ECS's {@code trace.id}. */
  private static boolean isTraceContext(MemberPath path) {
    String name = path.name() == null ? "" : path.name().toLowerCase(Locale.ROOT);
    if (TRACE_CONTEXT_NAMES.contains(name)) {
      return true;
    }
    MemberPath parent = path.parent();
    return name.equals("id")
        && parent != null
        && parent.name() != null
        && TRACE_CONTEXT_PARENTS.contains(parent.name().toLowerCase(Locale.ROOT));
  }
}
