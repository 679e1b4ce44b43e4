package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.tck.runner.KitTarget;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The built-in set {@code stowage tck} runs without URIs starts, and every target reads and writes. */
@Tag("interop")
@Timeout(120)
class DefaultTargetsTest {

  @Test
  void start_fourLoopbackTargets_eachWritesAndReadsBack() throws Exception {
    try (DefaultTargets defaults = DefaultTargets.start()) {
      assertThat(defaults.targets()).extracting(KitTarget::name)
          .containsExactly("memory", "local", "b2-emulator", "s3proxy");
      for (KitTarget target : defaults.targets()) {
        try (Filesystem fs = target.filesystem().get()) {
          fs.write("probe/" + target.name() + ".txt", "ok");
          assertThat(fs.readString("probe/" + target.name() + ".txt")).as(target.name()).isEqualTo("ok");
          fs.deleteDirectory("probe");
        }
      }
    }
  }
}
