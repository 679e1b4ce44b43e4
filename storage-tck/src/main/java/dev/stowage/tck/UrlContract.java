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
 * URLs and upload tickets (U1–U5, U8–U10), exercised with a plain HTTP client and
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

  /** U4: a temporary URL with the longest declared lifetime serves the file. */
  @Test
  @Requires(Capability.TEMPORARY_URL)
  default void temporaryUrl_maximumTtl_servesFile() {
    String path = newDirectory("u4") + "/longest.txt";
    fs().write(path, "longest lifetime", UrlSupport.privateOptions(this));
    Http.Response response = Http.get(fs().temporaryUrl(path, capabilities().maxTemporaryUrlTtl()));
    assertThat(response.status()).as("status").isEqualTo(200);
    assertThat(response.body()).isEqualTo(KitData.utf8("longest lifetime"));
  }

  /**
   * U5: a temporary URL works until its lifetime is over and is refused as expired after it. Time
   * is never waited for: the URLs are issued in the past through the fixture's clock (a URL
   * issued 5 minutes ago for 10 minutes must serve the bytes; one issued 15 minutes ago must be
   * refused with the backend's expired-specific answer).
   */
  @Test
  @Requires(Capability.TEMPORARY_URL)
  default void temporaryUrl_afterExpiry_isRefused() {
    KitClock clock = UrlSupport.clock(this);
    String path = newDirectory("u5") + "/a.txt";
    fs().write(path, "short-lived", UrlSupport.privateOptions(this));
    Duration ttl = Duration.ofMinutes(10);
    URI live = clock.issuedAgo(Duration.ofMinutes(5), () -> fs().temporaryUrl(path, ttl));
    Http.Response before = Http.get(live);
    assertThat(before.status()).as("status of a URL with 5 of its 10 minutes left").isEqualTo(200);
    assertThat(before.body()).isEqualTo(KitData.utf8("short-lived"));
    URI expired = clock.issuedAgo(Duration.ofMinutes(15), () -> fs().temporaryUrl(path, ttl));
    Http.Response after = Http.get(expired);
    UrlSupport.assertExpired(clock, after, "a 10-minute URL issued 15 minutes ago");
  }

  /** U2: without TEMPORARY_URL, asking for one fails with UNSUPPORTED. */
  @Test
  @Requires(absent = Capability.TEMPORARY_URL)
  default void temporaryUrl_undeclared_throwsUnsupported() {
    String path = newDirectory("u2") + "/a.txt";
    fs().write(path, "a");
    Expect.failure(
        UrlFailedException.class,
        Kind.UNSUPPORTED,
        () -> fs().temporaryUrl(path, Duration.ofMinutes(1)));
  }

  /** U8: an upload with exactly the ticket's method, URL and headers creates the file. */
  @Test
  @Requires(Capability.PREPARE_UPLOAD)
  default void prepareUpload_plainHttpUpload_createsFile() {
    String path = newDirectory("u8") + "/browser upload ü.txt";
    UploadTicket ticket =
        fs().prepareUpload(
                path, Duration.ofMinutes(10), UploadConstraints.contentType("text/plain"));
    assertThat(ticket.path()).isEqualTo(path);
    assertThat(ticket.expiresAt()).isAfter(Instant.now());
    byte[] body = KitData.utf8("uploaded by a browser");
    Http.Response response = Http.upload(ticket, body, Map.of());
    assertThat(response.status())
        .as("upload status, body %s", new String(response.body()))
        .isBetween(200, 299);
    assertThat(KitData.eventually(consistencyBound(), () -> fs().fileExists(path))).isTrue();
    FilesystemAssert.assertThat(fs()).hasFile(path, body);
    assertThat(KitData.baseType(fs().mimeType(path))).isEqualTo("text/plain");
  }

  /** U9: an upload with another content type than the ticket's is refused where enforced. */
  @Test
  @Requires({Capability.PREPARE_UPLOAD, Capability.UPLOAD_ENFORCES_CONTENT_TYPE})
  default void prepareUpload_wrongContentType_isRefused() {
    String path = newDirectory("u9") + "/typed.txt";
    UploadTicket ticket =
        fs().prepareUpload(
                path, Duration.ofMinutes(10), UploadConstraints.contentType("text/plain"));
    Http.Response response =
        Http.upload(ticket, KitData.utf8("not an image"), Map.of("Content-Type", "image/png"));
    assertThat(response.status()).as("status").isGreaterThanOrEqualTo(400);
    FilesystemAssert.assertThat(fs()).hasNoFile(path);
  }

  /**
   * U10: an upload ticket works until it expires and is refused as expired after. The ticket's
   * lifetime is the one it reports ({@code expiresAt}; backends may fix it, B2 at 24 hours);
   * tickets are issued in the past through the fixture's clock, never waited for: one issued 5
   * minutes before its end uploads, one issued 5 minutes past it is refused as expired.
   */
  @Test
  @Requires(Capability.PREPARE_UPLOAD)
  default void prepareUpload_afterExpiry_isRefused() {
    KitClock clock = UrlSupport.clock(this);
    String d = newDirectory("u10");
    Duration ttl = Duration.ofMinutes(10);
    UploadConstraints text = UploadConstraints.contentType("text/plain");
    Instant asked = Instant.now();
    UploadTicket probe = fs().prepareUpload(d + "/probe.txt", ttl, text);
    Duration lifetime = Duration.ofSeconds(Duration.between(asked, probe.expiresAt()).toSeconds());
    assertThat(lifetime).as("the ticket's lifetime").isGreaterThan(Duration.ofMinutes(5));

    UploadTicket early =
        clock.issuedAgo(
            lifetime.minusMinutes(5), () -> fs().prepareUpload(d + "/early.txt", ttl, text));
    Http.Response onTime = Http.upload(early, KitData.utf8("on time"), Map.of());
    assertThat(onTime.status())
        .as("upload with 5 minutes left, body %s", new String(onTime.body()))
        .isBetween(200, 299);
    assertThat(KitData.eventually(consistencyBound(), () -> fs().fileExists(d + "/early.txt")))
        .isTrue();
    FilesystemAssert.assertThat(fs()).hasFile(d + "/early.txt", "on time");

    UploadTicket late =
        clock.issuedAgo(
            lifetime.plusMinutes(5), () -> fs().prepareUpload(d + "/late.txt", ttl, text));
    Http.Response tooLate = Http.upload(late, KitData.utf8("too late"), Map.of());
    UrlSupport.assertExpired(clock, tooLate, "a ticket issued 5 minutes past its lifetime");
    FilesystemAssert.assertThat(fs()).hasNoFile(d + "/late.txt");
  }

  /** U2: without PREPARE_UPLOAD, asking for a ticket fails with UNSUPPORTED. */
  @Test
  @Requires(absent = Capability.PREPARE_UPLOAD)
  default void prepareUpload_undeclared_throwsUnsupported() {
    String path = newDirectory("u2") + "/a.txt";
    Expect.failure(
        UrlFailedException.class,
        Kind.UNSUPPORTED,
        () -> fs().prepareUpload(path, Duration.ofMinutes(1), UploadConstraints.NONE));
    FilesystemAssert.assertThat(fs()).hasNoFile(path);
  }
}
