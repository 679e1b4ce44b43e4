package dev.stowage.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import org.slf4j.Logger;

/**
 * The CLI's logs, set up in code when logback first starts (found through
 * {@code META-INF/services}): one line per event on standard error, quiet unless something is
 * wrong. Configuring in code spares every command logback's XML configurator and the JDK's XML
 * parser (some 600 classes and a tenth of a second at start-up).
 *
 * <p>Levels: {@code dev.stowage} logs at {@value Failures#LOG_LEVEL_PROPERTY} (default WARN),
 * everything else at {@value Failures#LIBRARY_LOG_LEVEL_PROPERTY} (default WARN, and ERROR for
 * S3Proxy and its Jetty, which would otherwise log at DEBUG); {@code --debug} sets both before
 * anything logs. Messages and stack traces lose the user information and queries of URIs
 * ({@link Redaction}): secrets must not reach a log, not even with {@code --debug}. A
 * {@code logback.configurationFile} system property still wins: then this does nothing.
 *
 * <p>Public only because logback instantiates it through the service loader.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

  /** The layout of every line. */
  static final String PATTERN = "stowage: %level %logger{24}: %redactedMsg%n%redactedEx";

  /** Creates the configurator; logback calls this. */
  public LogConfigurator() {}

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    context.getStatusManager().add(new NopStatusListener());

    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.getInstanceConverterMap().put("redactedMsg", RedactedMessageConverter::new);
    layout.getInstanceConverterMap().put("redactedEx", RedactedThrowableConverter::new);
    layout.setPattern(PATTERN);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("STDERR");
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.start();

    String libraries = System.getProperty(Failures.LIBRARY_LOG_LEVEL_PROPERTY);
    context
        .getLogger("dev.stowage")
        .setLevel(level(System.getProperty(Failures.LOG_LEVEL_PROPERTY), Level.WARN));
    context.getLogger("org.gaul").setLevel(level(libraries, Level.ERROR));
    context.getLogger("org.eclipse.jetty").setLevel(level(libraries, Level.ERROR));
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(level(libraries, Level.WARN));
    root.addAppender(appender);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private static Level level(String name, Level otherwise) {
    return name == null || name.isBlank() ? otherwise : Level.toLevel(name.trim(), otherwise);
  }
}
