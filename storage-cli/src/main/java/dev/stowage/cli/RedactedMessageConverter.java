package dev.stowage.cli;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.jspecify.annotations.Nullable;

/**
 * The {@code %msg} of the CLI's logs, with the user information and queries of URIs removed
 * ({@link Redaction}), so that {@code --debug} logs never echo a secret put into a URI. Public
 * only because logback's pattern layout instantiates it ({@link LogConfigurator}).
 */
public final class RedactedMessageConverter extends MessageConverter {

  /** Creates the converter; logback calls this. */
  public RedactedMessageConverter() {}

  @Override
  public @Nullable String convert(ILoggingEvent event) {
    return Redaction.redact(super.convert(event));
  }
}
