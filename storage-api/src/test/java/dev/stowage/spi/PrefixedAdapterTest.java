package dev.stowage.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.PathRejectedException;
import dev.stowage.ReadFailedException;
import dev.stowage.StorageAttributes;
import dev.stowage.StorageException;
import dev.stowage.WriteOptions;
import dev.stowage.memory.MemoryAdapter;
import java.net.URI;
import org.junit.jupiter.api.Test;

class PrefixedAdapterTest {

  private final MemoryAdapter memory =
      MemoryAdapter.builder().publicUrlBase(URI.create("https://cdn.example/")).build();
  private final Filesystem root = Filesystem.of(memory);
  private final Filesystem tenant = Filesystem.of(new PrefixedAdapter(memory, "/tenants//42/"));

  @Test
  void paths_areStoredBelowThePrefix() {
    FileAttributes a = tenant.write("a/b.txt", "x");
    assertThat(a.path()).isEqualTo("a/b.txt");
    assertThat(root.fileExists("tenants/42/a/b.txt")).isTrue();
    assertThat(tenant.stat("a/b.txt").path()).isEqualTo("a/b.txt");
  }

  @Test
  void listing_isRelativeAndConfined() {
    root.write("tenants/42/x", "1");
    root.write("tenants/42/d/y", "2");
    root.write("tenants/420/z", "3");
    root.write("outside", "4");
    assertThat(tenant.list("", true).toList())
        .extracting(StorageAttributes::path)
        .containsExactly("d", "d/y", "x");
  }

  @Test
  void paths_cannotEscape() {
    assertThatThrownBy(() -> tenant.read("../41/secret")).isInstanceOf(PathRejectedException.class);
    assertThatThrownBy(() -> new PrefixedAdapter(memory, "a").read("../b", null))
        .isInstanceOf(PathRejectedException.class);
  }

  @Test
  void failures_nameTheRelativePath() {
    assertThatThrownBy(() -> tenant.read("missing"))
        .isInstanceOf(ReadFailedException.class)
        .extracting(e -> ((StorageException) e).path())
        .isEqualTo("missing");
  }

  @Test
  void copyAndMove_stayInside() {
    tenant.write("s", "x");
    assertThat(tenant.copy("s", "c").path()).isEqualTo("c");
    assertThat(tenant.move("c", "m").path()).isEqualTo("m");
    assertThat(root.fileExists("tenants/42/m")).isTrue();
    assertThat(root.fileExists("m")).isFalse();
  }

  @Test
  void directories_andRootOfTheView() {
    assertThat(tenant.directoryExists("")).isTrue();
    tenant.createDirectory("d");
    assertThat(root.directoryExists("tenants/42/d")).isTrue();
    tenant.deleteDirectory("d");
    assertThat(root.directoryExists("tenants/42/d")).isFalse();
  }

  @Test
  void limits_shrinkByThePrefix() {
    PrefixedAdapter p = new PrefixedAdapter(memory, "tenants/42");
    assertThat(p.capabilities().maxPathBytes())
        .isEqualTo(memory.capabilities().maxPathBytes() - 11);
    assertThatThrownBy(() -> Filesystem.of(p).write("x".repeat(1020), "y"))
        .isInstanceOf(PathRejectedException.class);
  }

  @Test
  void publicUrl_usesTheFullPath() {
    tenant.write("pic.png", new byte[] {1}, WriteOptions.DEFAULT);
    assertThat(tenant.publicUrl("pic.png").toString())
        .isEqualTo("https://cdn.example/tenants/42/pic.png");
  }

  @Test
  void prefix_mustNotBeTheRoot() {
    assertThatThrownBy(() -> new PrefixedAdapter(memory, "/./"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
