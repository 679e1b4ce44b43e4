package dev.stowage.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Creates command objects for picocli, handing each the {@link CliContext} through its
 * constructor so that commands never reach for {@code System.out} or {@code System.getenv}.
 */
final class ContextFactory implements IFactory {

  private final CliContext context;

  ContextFactory(CliContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Constructor<K> withContext;
    try {
      withContext = type.getDeclaredConstructor(CliContext.class);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(type);
    }
    withContext.setAccessible(true);
    return withContext.newInstance(context);
  }
}
