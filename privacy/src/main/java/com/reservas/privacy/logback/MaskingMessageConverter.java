package com.reservas.privacy.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.reservas.privacy.PersonalDataMasker;

/**
 * Logback conversion word for the log message after {@link PersonalDataMasker#maskText}: use {@code
 * %maskedMsg} instead of {@code %msg}. Register it with
 *
 * <pre>{@code
 * <include resource="com/reservas/privacy/logback/masking-conversion-rules.xml"/>
 * }</pre>
 *
 * or {@code <conversionRule conversionWord="maskedMsg"
 * class="com.reservas.privacy.logback.MaskingMessageConverter"/>}.
 */
public class MaskingMessageConverter extends ClassicConverter {

  private final PersonalDataMasker masker = PersonalDataMasker.standard();

  /** Called by Logback. */
  public MaskingMessageConverter() {}

  @Override
  public String convert(ILoggingEvent event) {
    return masker.maskText(event.getFormattedMessage());
  }
}
