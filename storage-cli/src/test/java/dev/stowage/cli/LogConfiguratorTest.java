package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The CLI's logging set up in code: levels, the one-line redacted layout, and its discovery. */
class LogConfiguratorTest {

  @AfterEach
  void clearProperties() {
    System.clearProperty(Failures.LOG_LEVEL_PROPERTY);
    System.clearProperty(Failures.LIBRARY_LOG_LEVEL_PROPERTY);
  }

  private static LoggerContext configured() {
    LoggerContext context = new LoggerContext();
    LogConfigurator c = new LogConfigurator();
    c.setContext(context);
    assertThat(c.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    return context;
  }

  @SuppressWarnings("unchecked")
  private static String line(LoggerContext context, String logger, String message, Throwable t) {
    Logger l = context.getLogger(logger);
    ConsoleAppender<ILoggingEvent> appender =
        (ConsoleAppender<ILoggingEvent>)
            context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    LoggingEvent event = new LoggingEvent(Logger.class.getName(), l, Level.WARN, message, t, null);
    return new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
  }

  @Test
  void configure_byDefault_isQuiet_andLibrariesOfTheEmulatorsQuieter() {
    LoggerContext context = configured();

    assertThat(context.getLogger("dev.stowage").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("org.gaul").getLevel()).isEqualTo(Level.ERROR);
    assertThat(context.getLogger("org.eclipse.jetty").getLevel()).isEqualTo(Level.ERROR);
    assertThat(context.getLogger("dev.stowage.b2.B2Adapter").isDebugEnabled()).isFalse();
  }

  @Test
  void configure_withTheDebugProperties_isVerbose() {
    System.setProperty(Failures.LOG_LEVEL_PROPERTY, "DEBUG");
    System.setProperty(Failures.LIBRARY_LOG_LEVEL_PROPERTY, "INFO");

    LoggerContext context = configured();

    assertThat(context.getLogger("dev.stowage.b2.B2Adapter").isDebugEnabled()).isTrue();
    assertThat(context.getLogger("org.eclipse.jetty.server").getEffectiveLevel())
        .isEqualTo(Level.INFO);
    assertThat(context.getLogger("okhttp3").getEffectiveLevel()).isEqualTo(Level.INFO);
  }

  @Test
  void lines_areOneStowageLine_withUriSecretsRedacted_alsoInStackTraces() {
    LoggerContext context = configured();

    String plain =
        line(
            context,
            "dev.stowage.cli.Session",
            "GET http://u:LOGSECRET@host/x?token=T1 failed",
            null);
    String traced =
        line(
            context,
            "dev.stowage.cli.Session",
            "failed",
            new IllegalStateException("bad b2://bucket?applicationKey=TRACESECRET"));

    assertThat(plain)
        .isEqualTo(
            "stowage: WARN dev.stowage.cli.Session: GET http://host/x?… failed"
                + System.lineSeparator());
    assertThat(traced)
        .contains("IllegalStateException: bad b2://bucket?…")
        .doesNotContain("TRACESECRET");
  }

  @Test
  void logback_findsTheConfigurator_throughTheServiceLoader() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR"))
        .isInstanceOf(ConsoleAppender.class);
    assertThat(context.getLogger("org.gaul").getLevel()).isNotNull();
  }
}
