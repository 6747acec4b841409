package com.reservas.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.reservas.privacy.logback.MaskingMessageConverter;
import com.reservas.privacy.logback.MaskingThrowableConverter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskingMessageConverterTest {

  @Test
  void logLinesGoThroughTheSameMasker() {
    LoggerContext context = new LoggerContext();
    @SuppressWarnings("unchecked")
    Map<String, String> rules =
        (Map<String, String>)
            context.getObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY);
    Map<String, String> registry = rules == null ? new HashMap<>() : rules;
    registry.put("maskedMsg", MaskingMessageConverter.class.getName());
    registry.put("maskedEx", MaskingThrowableConverter.class.getName());
    context.putObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY, registry);
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.setPattern("%level %maskedMsg%n%maskedEx");
    layout.start();
    Logger logger = context.getLogger("test");

    LoggingEvent event =
        new LoggingEvent(
            Logger.class.getName(),
            logger,
            Level.INFO,
            "authorizing {} for {} with {}",
            new IllegalStateException("declined for ana@example.com"),
            new Object[] {"K7P2QX9A", "ana@example.com", "pm_card_visa"});

    String line = layout.doLayout(event);

    assertThat(line)
        .startsWith("INFO authorizing K7P2QX9A for a***@example.com with pm_****visa")
        .contains("declined for a***@example.com")
        .doesNotContain("ana@example.com", "pm_card_visa");
  }
}
