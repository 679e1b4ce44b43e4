package dev.stowage.cli;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import org.jspecify.annotations.Nullable;

/**
 * The stack traces of the CLI's logs, with the user information and queries of URIs removed
 * from every message in them ({@link Redaction}). Public only because logback instantiates it by
 * name ({@link LogConfigurator}).
 */
public final class RedactedThrowableConverter extends ThrowableProxyConverter {

  /** Creates the converter; logback calls this. */
  public RedactedThrowableConverter() {}

  @Override
  protected @Nullable String throwableProxyToString(IThrowableProxy proxy) {
    return Redaction.redact(super.throwableProxyToString(proxy));
  }
}
