package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocationTest {

  private static final Path CWD = Path.of("/srv/example");

  @Test
  void parse_bucketUri_splitsRootAndPath() {
    Location l = Location.parse("b2://my-bucket/photos/cat.jpg", CWD);

    assertThat(l.root()).isEqualTo("b2://my-bucket");
    assertThat(l.path()).isEqualTo("photos/cat.jpg");
    assertThat(l.name()).isEqualTo("cat.jpg");
    assertThat(l.isLocal()).isFalse();
  }

  @Test
  void parse_queryBelongsToTheRoot() {
    Location l =
        Location.parse("s3://b/dir/f.txt?endpoint=http://127.0.0.1:9000&region=us-east-1", CWD);

    assertThat(l.root()).isEqualTo("s3://b?endpoint=http://127.0.0.1:9000&region=us-east-1");
    assertThat(l.path()).isEqualTo("dir/f.txt");
  }

  @Test
  void parse_withoutQuery_questionMarkAndHashArePartOfThePath() {
    Location l = Location.parse("b2://b/dir/a?b#c.txt", CWD, false);

    assertThat(l.root()).isEqualTo("b2://b");
    assertThat(l.path()).isEqualTo("dir/a?b#c.txt");
    assertThat(l.name()).isEqualTo("a?b#c.txt");
    assertThat(l.namesDirectory()).isFalse();
    assertThat(l.resolve("x").path()).isEqualTo("dir/a?b#c.txt/x");
    assertThat(Location.parse("s3://b/q?/", CWD, false).namesDirectory()).isTrue();
  }

  @Test
  void parse_hashWithQuery_refusedNamingTheWayOut() {
    assertThatThrownBy(() -> Location.parse("b2://b/a#b", CWD))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--no-query");
  }

  @Test
  void parse_pathIsLiteral_percentSignsAndSpacesKept() {
    Location l = Location.parse("b2://b/100% done/a b.txt", CWD);

    assertThat(l.path()).isEqualTo("100% done/a b.txt");
  }

  @Test
  void parse_trailingSlash_meansDirectory() {
    Location dir = Location.parse("b2://b/videos/", CWD);
    Location dirWithQuery = Location.parse("b2://b/videos/?endpoint=http://x", CWD);
    Location file = Location.parse("b2://b/videos", CWD);

    assertThat(dir.path()).isEqualTo("videos");
    assertThat(dir.namesDirectory()).isTrue();
    assertThat(dirWithQuery.namesDirectory()).isTrue();
    assertThat(file.namesDirectory()).isFalse();
  }

  @Test
  void parse_bucketAlone_hasEmptyPath() {
    assertThat(Location.parse("s3://b", CWD).path()).isEmpty();
    assertThat(Location.parse("s3://b/", CWD).path()).isEmpty();
  }

  @Test
  void parse_opaqueUri_rootIsTheScheme() {
    Location l = Location.parse("memory:a/b", CWD);

    assertThat(l.root()).isEqualTo("memory:");
    assertThat(l.path()).isEqualTo("a/b");
  }

  @Test
  void parse_relativeAndAbsolutePaths_areLocal() {
    assertThat(Location.parse("x/y.txt", CWD).localPath())
        .isEqualTo(Path.of("/srv/example/x/y.txt"));
    assertThat(Location.parse("/tmp/../etc/f", CWD).localPath()).isEqualTo(Path.of("/etc/f"));
    assertThat(Location.parse("file:///tmp/f", CWD).localPath()).isEqualTo(Path.of("/tmp/f"));
    assertThat(Location.parse("C:/data/f", CWD).isLocal()).isTrue();
  }

  @Test
  void parse_dash_isStdio() {
    Location l = Location.parse("-", CWD);

    assertThat(l.isStdio()).isTrue();
    assertThat(l.isLocal()).isFalse();
    assertThatThrownBy(l::asFilesystemPath).isInstanceOf(UsageException.class);
  }

  @Test
  void asFilesystemPath_localFile_isInTheFileFilesystemAtRoot() {
    Location l = Location.parse("/tmp/a/b.txt", CWD).asFilesystemPath();

    assertThat(l.root()).isEqualTo("file:///");
    assertThat(l.path()).isEqualTo("tmp/a/b.txt");
  }

  @Test
  void resolve_addsTheChildBeforeTheQuery() {
    Location l = Location.parse("b2://b/dir/?endpoint=http://x", CWD).resolve("f.txt");

    assertThat(l.path()).isEqualTo("dir/f.txt");
    assertThat(l.text()).isEqualTo("b2://b/dir/f.txt?endpoint=http://x");
  }

  @Test
  void parse_badInput_failsWithTheFix() {
    assertThatThrownBy(() -> Location.parse("b2:///path", CWD))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("b2://BUCKET/path");
    assertThatThrownBy(() -> Location.parse("file:relative", CWD))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("absolute");
    assertThatThrownBy(() -> Location.parse("s3://b/x#frag", CWD))
        .isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> Location.parse("", CWD)).isInstanceOf(UsageException.class);
  }
}
