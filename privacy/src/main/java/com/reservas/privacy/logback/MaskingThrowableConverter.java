package com.reservas.privacy.logback;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.reservas.privacy.PersonalDataMasker;

/**
 * Logback conversion word for stack traces whose exception messages go through {@link
 * PersonalDataMasker#maskText} (exception messages quote request payloads more often than one would
 * like): use {@code %maskedEx} instead of {@code %ex}/{@code %wEx}.
 */
public class MaskingThrowableConverter extends ExtendedThrowableProxyConverter {

  private final PersonalDataMasker masker = PersonalDataMasker.standard();

  /** Called by Logback. */
  public MaskingThrowableConverter() {}

  @Override
  protected String throwableProxyToString(IThrowableProxy throwableProxy) {
    return masker.maskText(super.throwableProxyToString(throwableProxy));
  }
}
