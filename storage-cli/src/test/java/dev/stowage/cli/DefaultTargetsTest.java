package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.UploadStream;
import dev.stowage.WriteOptions;
import dev.stowage.tck.runner.KitTarget;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
      assertThat(defaults.targets())
          .extracting(KitTarget::name)
          .containsExactly("memory", "local", "b2-emulator", "s3proxy");
      for (KitTarget target : defaults.targets()) {
        try (Filesystem fs = target.filesystem().get()) {
          fs.write("probe/" + target.name() + ".txt", "ok");
          assertThat(fs.readString("probe/" + target.name() + ".txt"))
              .as(target.name())
              .isEqualTo("ok");
          fs.deleteDirectory("probe");
        }
      }
    }
  }

  @Test
  void start_b2AndS3Targets_probePendingUploadsBelowTheKitRoot() throws Exception {
    try (DefaultTargets defaults = DefaultTargets.start()) {
      for (KitTarget target : defaults.targets()) {
        boolean remote = target.name().equals("b2-emulator") || target.name().equals("s3proxy");
        assertThat(target.pendingUploads() != null).as(target.name()).isEqualTo(remote);
        if (remote) {
          try (Filesystem fs = target.filesystem().get();
              UploadStream out = fs.openOutputStream("tck-probe/open.bin", WriteOptions.DEFAULT)) {
            // More than either target's multipart threshold (B2 10 MiB, S3 16 MiB): an upload
            // opens.
            out.write(new byte[17 << 20]);
            assertThat(pendingSoon(target, "tck-probe"))
                .as(target.name())
                .containsExactly("tck-probe/open.bin");
            assertThat(target.pendingUploads().apply("elsewhere")).as(target.name()).isEmpty();
            out.abort();
            // abort() cancels the upload before it returns.
            assertThat(target.pendingUploads().apply("tck-probe")).as(target.name()).isEmpty();
          }
        }
      }
    }
  }

  /** Polls the probe for up to 30 s until it lists something (the upload starts in the background). */
  private static List<String> pendingSoon(KitTarget target, String root)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    List<String> pending = target.pendingUploads().apply(root);
    while (pending.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      pending = target.pendingUploads().apply(root);
    }
    return pending;
  }
}
