package dev.stowage.tck.runner;

import dev.stowage.Filesystem;
import dev.stowage.tck.FilesystemContract;
import dev.stowage.tck.KitClock;
import dev.stowage.tck.StoredBytes;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/** The kit as {@link KitRunner} runs it: the filesystem comes from the registered target. */
@ExtendWith({RunnerContract.TargetResolver.class, FailFast.class})
@TestMethodOrder(GroupOrder.class)
final class RunnerContract extends FilesystemContract {

  private RunnerRegistry.@Nullable Session session;

  @Override
  protected Filesystem createFilesystem() {
    if (session == null) {
      throw new IllegalStateException("RunnerContract runs only through KitRunner");
    }
    Filesystem fs = session.target.filesystem().get();
    session.capabilities = fs.capabilities();
    return fs;
  }

  @Override
  public Optional<List<String>> pendingUploads() {
    Function<String, List<String>> probe = session == null ? null : session.target.pendingUploads();
    return probe == null ? Optional.empty() : Optional.of(List.copyOf(probe.apply(rootName())));
  }

  @Override
  public Optional<StoredBytes> storedBytes() {
    Function<String, StoredBytes> view = session == null ? null : session.target.storedBytes();
    return view == null ? Optional.empty() : Optional.of(view.apply(rootName()));
  }

  @Override
  public Optional<KitClock> clockControl() {
    return session == null ? Optional.empty() : Optional.ofNullable(session.target.clockControl());
  }

  /** Gives each new instance the session named by the launch's configuration parameter. */
  static final class TargetResolver implements TestInstancePostProcessor {
    @Override
    public void postProcessTestInstance(Object instance, ExtensionContext context) {
      String key =
          context
              .getConfigurationParameter(RunnerRegistry.KEY_PARAMETER)
              .orElseThrow(
                  () -> new IllegalStateException("RunnerContract runs only through KitRunner"));
      ((RunnerContract) instance).session = RunnerRegistry.get(key);
    }
  }
}
