package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Capability;
import dev.stowage.DirectoryAttributes;
import dev.stowage.StorageAttributes;
import dev.stowage.StorageException.Kind;
import dev.stowage.Visibility;
import dev.stowage.VisibilityFailedException;
import dev.stowage.WriteFailedException;
import dev.stowage.WriteOptions;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Visibility (A1–A4, A6), by declared mode: per object, bucket level, or none.
 */
@ContractGroup("visibility")
public interface VisibilityContract extends KitFixture {

  /** A1: a file written public or private reports that visibility. */
  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(Visibility.class)
  @Requires(Capability.VISIBILITY_PER_OBJECT)
  default void write_withVisibility_reportsIt(Visibility visibility) {
    String path = newDirectory("a1") + "/a.txt";
    fs().write(path, "a", WriteOptions.builder().visibility(visibility).build());
    assertThat(fs().visibility(path)).isEqualTo(visibility);
    assertThat(fs().stat(path).visibility()).isEqualTo(visibility);
  }

  /** A2: setVisibility round-trips public → private → public without touching the content. */
  @Test
  @Requires(Capability.VISIBILITY_PER_OBJECT)
  default void setVisibility_roundTrip_changesOnlyVisibility() {
    String path = newDirectory("a2") + "/a.txt";
    fs().write(path, "content", WriteOptions.builder().visibility(Visibility.PUBLIC).build());
    fs().setVisibility(path, Visibility.PRIVATE);
    assertThat(fs().visibility(path)).isEqualTo(Visibility.PRIVATE);
    fs().setVisibility(path, Visibility.PUBLIC);
    assertThat(fs().visibility(path)).isEqualTo(Visibility.PUBLIC);
    FilesystemAssert.assertThat(fs()).hasFile(path, "content");
  }

  /** A3: setVisibility of a missing file fails with NOT_FOUND and creates nothing. */
  @Test
  @Requires(Capability.VISIBILITY_PER_OBJECT)
  default void setVisibility_missingFile_throwsNotFound() {
    String d = newDirectory("a3");
    Expect.failure(
        VisibilityFailedException.class,
        Kind.NOT_FOUND,
        () -> fs().setVisibility(d + "/missing.txt", Visibility.PUBLIC));
    FilesystemAssert.assertThat(fs()).hasNoDirectory(d);
  }

  /**
   * A4: at bucket level every file reports the bucket's visibility; asking for it succeeds and
   * asking for the other fails with UNSUPPORTED before any I/O.
   */
  @Test
  @Requires(Capability.VISIBILITY_BUCKET_LEVEL)
  default void visibility_bucketLevel_reportsBucketSettingAndRefusesOther() {
    String d = newDirectory("a4");
    fs().write(d + "/plain.txt", "p");
    Visibility reported = fs().visibility(d + "/plain.txt");
    assertThat(reported).as("the bucket's visibility").isNotNull();
    Visibility bucket = Objects.requireNonNull(reported);
    Visibility other = bucket == Visibility.PUBLIC ? Visibility.PRIVATE : Visibility.PUBLIC;
    fs().write(d + "/same.txt", "s", WriteOptions.builder().visibility(bucket).build());
    assertThat(fs().visibility(d + "/same.txt")).isEqualTo(bucket);
    fs().setVisibility(d + "/same.txt", bucket);
    Expect.failure(
        WriteFailedException.class,
        Kind.UNSUPPORTED,
        () -> fs().write(d + "/other.txt", "o", WriteOptions.builder().visibility(other).build()));
    Expect.failure(
        VisibilityFailedException.class,
        Kind.UNSUPPORTED,
        () -> fs().setVisibility(d + "/plain.txt", other));
    FilesystemAssert.assertThat(fs()).hasNoFile(d + "/other.txt");
  }

  /** A4: without a visibility model, reads report null and asking for one fails with UNSUPPORTED. */
  @Test
  @Requires(absent = {Capability.VISIBILITY_PER_OBJECT, Capability.VISIBILITY_BUCKET_LEVEL})
  default void visibility_none_reportsNullAndRefusesChanges() {
    String d = newDirectory("a4");
    fs().write(d + "/plain.txt", "p");
    assertThat(fs().visibility(d + "/plain.txt")).isNull();
    Expect.failure(
        WriteFailedException.class,
        Kind.UNSUPPORTED,
        () ->
            fs().write(
                    d + "/other.txt",
                    "o",
                    WriteOptions.builder().visibility(Visibility.PUBLIC).build()));
    Expect.failure(
        VisibilityFailedException.class,
        Kind.UNSUPPORTED,
        () -> fs().setVisibility(d + "/plain.txt", Visibility.PRIVATE));
    FilesystemAssert.assertThat(fs()).hasNoFile(d + "/other.txt");
  }

  /**
   * A5: fetched anonymously, a public file's public URL serves its bytes, a private file's is
   * refused (401, 403 or 404, without the bytes), and a file made private stops being served.
   * This checks visibility outside the adapter, as a visitor sees it.
   */
  @Test
  @Requires({Capability.VISIBILITY_PER_OBJECT, Capability.PUBLIC_URL})
  default void publicUrl_privateFile_isRefusedAnonymously() {
    String d = newDirectory("a5");
    fs().write(
            d + "/open.txt",
            "open bytes",
            WriteOptions.builder().visibility(Visibility.PUBLIC).build());
    fs().write(
            d + "/closed.txt",
            "closed bytes",
            WriteOptions.builder().visibility(Visibility.PRIVATE).build());
    Http.Response open = Http.get(fs().publicUrl(d + "/open.txt"));
    assertThat(open.status()).as("status of the public file").isEqualTo(200);
    assertThat(open.body()).isEqualTo(KitData.utf8("open bytes"));
    assertRefused(Http.get(fs().publicUrl(d + "/closed.txt")), "closed bytes", "the private file");
    fs().setVisibility(d + "/open.txt", Visibility.PRIVATE);
    assertRefused(Http.get(fs().publicUrl(d + "/open.txt")), "open bytes", "the file made private");
  }

  /** A5: at bucket level, a file's public URL serves it exactly when the bucket is public. */
  @Test
  @Requires({Capability.VISIBILITY_BUCKET_LEVEL, Capability.PUBLIC_URL})
  default void publicUrl_bucketLevel_servesExactlyWhenPublic() {
    String path = newDirectory("a5") + "/file.txt";
    fs().write(path, "bucket bytes");
    Http.Response response = Http.get(fs().publicUrl(path));
    if (fs().visibility(path) == Visibility.PUBLIC) {
      assertThat(response.status()).as("status in a public bucket").isEqualTo(200);
      assertThat(response.body()).isEqualTo(KitData.utf8("bucket bytes"));
    } else {
      assertRefused(response, "bucket bytes", "a file in a private bucket");
    }
  }

  private static void assertRefused(Http.Response response, String content, String what) {
    assertThat(response.status()).as("status of %s fetched anonymously", what).isIn(401, 403, 404);
    assertThat(response.body()).as("body of %s", what).isNotEqualTo(KitData.utf8(content));
  }

  /** A6: a directory created with a visibility reports it wherever directory visibility is reported. */
  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(Visibility.class)
  @Requires(Capability.VISIBILITY_PER_OBJECT)
  default void createDirectory_withVisibility_isHonoured(Visibility visibility) {
    String d = newDirectory("a6");
    fs().createDirectory(d + "/dir", visibility);
    FilesystemAssert.assertThat(fs()).hasDirectory(d + "/dir");
    StorageAttributes entry = fs().list(d).toList().get(0);
    assertThat(entry).isInstanceOf(DirectoryAttributes.class);
    if (entry.visibility() != null) {
      assertThat(entry.visibility()).isEqualTo(visibility);
    }
    fs().write(d + "/dir/inside.txt", "x");
    FilesystemAssert.assertThat(fs()).hasFile(d + "/dir/inside.txt", "x");
  }
}
