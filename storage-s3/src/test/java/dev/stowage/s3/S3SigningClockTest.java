package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.UploadConstraints;
import dev.stowage.UploadTicket;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import dev.stowage.testing.S3ProxyExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An adapter built with a signing clock signs temporary URLs and upload tickets as of that
 * clock's time, keeping the lifetime asked for, so that S3Proxy sees them as that old: no test
 * has to wait for a URL to expire.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class S3SigningClockTest {

  private static final Duration TTL = Duration.ofMinutes(10);

  @RegisterExtension
  static final S3ProxyExtension S3 = S3ProxyExtension.builder().bucket("signing-clock").perClass();

  private final String bucket = "signing-clock";

  private Filesystem signingAgo(Duration age) {
    Clock past = Clock.offset(Clock.systemUTC(), age.negated());
    return Filesystem.of(
        S3Adapter.create(EmbeddedS3Proxy.config(S3.server(), bucket).build(), () -> past));
  }

  @Test
  void temporaryUrl_signedWithinItsLifetimeAgo_servesFile() throws Exception {
    try (Filesystem fs = signingAgo(Duration.ofMinutes(5))) {
      fs.write(
          "clock/a.txt", "bytes", WriteOptions.builder().visibility(Visibility.PRIVATE).build());
      HttpResponse<byte[]> response = Http.get(fs.temporaryUrl("clock/a.txt", TTL));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("bytes".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void temporaryUrl_signedLongerThanItsLifetimeAgo_isRefusedAsExpired() throws Exception {
    try (Filesystem fs = signingAgo(Duration.ofMinutes(15))) {
      fs.write(
          "clock/b.txt", "bytes", WriteOptions.builder().visibility(Visibility.PRIVATE).build());
      HttpResponse<byte[]> response = Http.get(fs.temporaryUrl("clock/b.txt", TTL));
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(new String(response.body(), StandardCharsets.UTF_8))
          .containsIgnoringCase("expired");
    }
  }

  @Test
  void prepareUpload_signedWithinItsLifetimeAgo_uploads() throws Exception {
    try (Filesystem fs = signingAgo(Duration.ofMinutes(5))) {
      UploadTicket ticket =
          fs.prepareUpload("clock/c.txt", TTL, UploadConstraints.contentType("text/plain"));
      HttpResponse<byte[]> response =
          Http.send(ticket.method(), ticket.url(), ticket.headers(), new byte[] {'c'});
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(fs.readString("clock/c.txt")).isEqualTo("c");
    }
  }

  @Test
  void prepareUpload_signedLongerThanItsLifetimeAgo_isRefusedAsExpired() throws Exception {
    try (Filesystem fs = signingAgo(Duration.ofMinutes(15))) {
      UploadTicket ticket =
          fs.prepareUpload("clock/d.txt", TTL, UploadConstraints.contentType("text/plain"));
      HttpResponse<byte[]> response =
          Http.send(ticket.method(), ticket.url(), ticket.headers(), new byte[] {'d'});
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(new String(response.body(), StandardCharsets.UTF_8))
          .containsIgnoringCase("expired");
      assertThat(fs.fileExists("clock/d.txt")).isFalse();
    }
  }
}
