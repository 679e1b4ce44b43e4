package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

/** The logback converters of the CLI's logs remove user information and queries. */
class RedactedConvertersTest {

  private static LoggingEvent event(String message, Throwable t) {
    LoggerContext context = new LoggerContext();
    Logger logger = context.getLogger("dev.stowage.test");
    return new LoggingEvent(Logger.class.getName(), logger, Level.DEBUG, message, t, null);
  }

  @Test
  void message_withUserInfoAndQuery_isRedacted() {
    RedactedMessageConverter converter = new RedactedMessageConverter();

    String text =
        converter.convert(event("POST http://user:LOGSECRET@host/b2api?token=LOGTOKEN done", null));

    assertThat(text).isEqualTo("POST http://host/b2api?… done");
  }

  @Test
  void stackTrace_messagesInIt_areRedacted() {
    RedactedThrowableConverter converter = new RedactedThrowableConverter();
    converter.start();

    String text =
        converter.convert(
            event(
                "failed", new IllegalStateException("bad b2://bucket?applicationKey=TRACESECRET")));

    assertThat(text)
        .contains("IllegalStateException: bad b2://bucket?…")
        .doesNotContain("TRACESECRET");
  }
}
