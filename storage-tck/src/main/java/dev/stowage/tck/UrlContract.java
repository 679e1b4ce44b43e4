package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stowage.Capability;
import dev.stowage.StorageException.Kind;
import dev.stowage.UploadConstraints;
import dev.stowage.UploadTicket;
import dev.stowage.UrlFailedException;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * URLs and upload tickets (peers §8.12, U1–U5, U8–U10), exercised with a plain HTTP client and
 * no credentials, as a browser would.
 */
@ContractGroup("urls")
public interface UrlContract extends KitFixture {

  /** U1: the public URL of a public file serves its bytes anonymously. */
  @Test
  @Requires(Capability.PUBLIC_URL)
  default void publicUrl_publicFile_isFetchableAnonymously() {
    String path = newDirectory("u1") + "/public file ü.txt";
    WriteOptions options = WriteOptions.DEFAULT;
    if (has(Capability.VISIBILITY_PER_OBJECT)) {
      options = WriteOptions.builder().visibility(Visibility.PUBLIC).build();
    }
    fs().write(path, "public bytes", options);
    if (has(Capability.VISIBILITY_BUCKET_LEVEL)) {
      assumeTrue(fs().visibility(path) == Visibility.PUBLIC, "requires a public bucket");
    }
    Http.Response response = Http.get(fs().publicUrl(path));
    assertThat(response.status()).as("status").isEqualTo(200);
    assertThat(response.body()).isEqualTo(KitData.utf8("public bytes"));
  }

  /** U3: public URLs are deterministic per path and differ between paths. */
  @Test
  @Requires(Capability.PUBLIC_URL)
  default void publicUrl_samePath_isDeterministic() {
    String d = newDirectory("u3");
    fs().write(d + "/a.txt", "a");
    fs().write(d + "/b.txt", "b");
    URI a = fs().publicUrl(d + "/a.txt");
    assertThat(fs().publicUrl(d + "/a.txt")).isEqualTo(a);
    assertThat(fs().publicUrl(d + "/b.txt")).isNotEqualTo(a);
  }

  /** U2: without PUBLIC_URL, asking for one fails with UNSUPPORTED. */
  @Test
  @Requires(absent = Capability.PUBLIC_URL)
  default void publicUrl_undeclared_throwsUnsupported() {
    String path = newDirectory("u2") + "/a.txt";
    fs().write(path, "a");
    Expect.failure(UrlFailedException.class, Kind.UNSUPPORTED, () -> fs().publicUrl(path));
  }

  /** U4: a temporary URL serves a private file before it expires, whatever the name. */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"plain.txt", "space name.txt", "ünï cödé %20 #hash ?q.txt"})
  @Requires(Capability.TEMPORARY_URL)
  default void temporaryUrl_beforeExpiry_servesFile(String name) {
    String path = newDirectory("u4") + "/" + name;
    fs().write(path, "secret " + name, UrlSupport.privateOptions(this));
    Http.Response response = Http.get(fs().temporaryUrl(path, Duration.ofMinutes(10)));
    assertThat(response.status()).as("status").isEqualTo(200);
    assertThat(response.body()).isEqualTo(KitData.utf8("secret " + name));
  }

  /** U4: the longest declared lifetime is accepted. */
  @Test
  @Requires(Capability.TEMPORARY_URL)
  default void temporaryUrl_maximumTtl_isAccepted() {
    String path = newDirectory("u4") + "/a.txt";
    fs().write(path, "a");
    assertThat(fs().temporaryUrl(path, capabilities().maxTemporaryUrlTtl())).isNotNull();
  }

  /** U5: a temporary URL stops working after its lifetime. */
  @Test
  @Requires(Capability.TEMPORARY_URL)
  default void temporaryUrl_afterExpiry_isRefused() {
    String path = newDirectory("u5") + "/a.txt";
    fs().write(path, "short-lived", UrlSupport.privateOptions(this));
    URI url = fs().temporaryUrl(path, Duration.ofSeconds(1));
    boolean refused = KitData.eventually(consistencyBound(), () -> Http.get(url).status() >= 400);
    assertThat(refused).as("the URL was refused within %s", consistencyBound()).isTrue();
  }

  /** U2: without TEMPORARY_URL, asking for one fails with UNSUPPORTED. */
  @Test
  @Requires(absent = Capability.TEMPORARY_URL)
  default void temporaryUrl_undeclared_throwsUnsupported() {
    String path = newDirectory("u2") + "/a.txt";
    fs().write(path, "a");
    Expect.failure(UrlFailedException.class, Kind.UNSUPPORTED, () -> fs().temporaryUrl(path, Duration.ofMinutes(1)));
  }

  /** U8: an upload with exactly the ticket's method, URL and headers creates the file. */
  @Test
  @Requires(Capability.PREPARE_UPLOAD)
  default void prepareUpload_plainHttpUpload_createsFile() {
    String path = newDirectory("u8") + "/browser upload ü.txt";
    UploadTicket ticket = fs().prepareUpload(path, Duration.ofMinutes(10), UploadConstraints.contentType("text/plain"));
    assertThat(ticket.path()).isEqualTo(path);
    assertThat(ticket.expiresAt()).isAfter(Instant.now());
    byte[] body = KitData.utf8("uploaded by a browser");
    Http.Response response = Http.upload(ticket, body, Map.of());
    assertThat(response.status()).as("upload status, body %s", new String(response.body())).isBetween(200, 299);
    assertThat(KitData.eventually(consistencyBound(), () -> fs().fileExists(path))).isTrue();
    FilesystemAssert.assertThat(fs()).hasFile(path, body);
    assertThat(KitData.baseType(fs().mimeType(path))).isEqualTo("text/plain");
  }

  /** U9: an upload with another content type than the ticket's is refused where enforced. */
  @Test
  @Requires({Capability.PREPARE_UPLOAD, Capability.UPLOAD_ENFORCES_CONTENT_TYPE})
  default void prepareUpload_wrongContentType_isRefused() {
    String path = newDirectory("u9") + "/typed.txt";
    UploadTicket ticket = fs().prepareUpload(path, Duration.ofMinutes(10), UploadConstraints.contentType("text/plain"));
    Http.Response response = Http.upload(ticket, KitData.utf8("not an image"), Map.of("Content-Type", "image/png"));
    assertThat(response.status()).as("status").isGreaterThanOrEqualTo(400);
    FilesystemAssert.assertThat(fs()).hasNoFile(path);
  }

  /** U10: an upload after the ticket expired is refused. */
  @Test
  @Requires(Capability.PREPARE_UPLOAD)
  default void prepareUpload_afterExpiry_isRefused() {
    String path = newDirectory("u10") + "/late.txt";
    UploadTicket ticket = fs().prepareUpload(path, Duration.ofSeconds(2), UploadConstraints.contentType("text/plain"));
    assumeTrue(ticket.expiresAt().isBefore(Instant.now().plusSeconds(60)),
        () -> "requires a ticket lifetime set by the caller (the backend fixed it at " + ticket.expiresAt() + ")");
    assertThat(KitData.eventually(Duration.ofSeconds(70), () -> Instant.now().isAfter(ticket.expiresAt().plusSeconds(2))))
        .isTrue();
    Http.Response response = Http.upload(ticket, KitData.utf8("too late"), Map.of());
    assertThat(response.status()).as("status").isGreaterThanOrEqualTo(400);
    FilesystemAssert.assertThat(fs()).hasNoFile(path);
  }

  /** U2: without PREPARE_UPLOAD, asking for a ticket fails with UNSUPPORTED. */
  @Test
  @Requires(absent = Capability.PREPARE_UPLOAD)
  default void prepareUpload_undeclared_throwsUnsupported() {
    String path = newDirectory("u2") + "/a.txt";
    Expect.failure(UrlFailedException.class, Kind.UNSUPPORTED,
        () -> fs().prepareUpload(path, Duration.ofMinutes(1), UploadConstraints.NONE));
    FilesystemAssert.assertThat(fs()).hasNoFile(path);
  }
}
