package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.Filesystem;
import dev.stowage.StorageException;
import dev.stowage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Proves on the wire that the {@code b2} profile never sends the SDK's flexible-checksum headers
 * (which B2 rejects) on any operation the adapter performs, and sends {@code Content-MD5} of the
 * exact body where S3 requires a checksum (DeleteObjects).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class B2ChecksumHeadersTest {

  private RecordingS3Server server;
  private Filesystem fs;

  @BeforeEach
  void start() throws Exception {
    server = new RecordingS3Server();
    fs = Filesystem.builder(S3Adapter.create(S3Config.builder("b2-bucket").profile(S3Profile.B2)
        .endpoint(server.endpoint()).region("us-west-004")
        .credentials("0040123456789ab0000000001", "K004-not-a-real-secret")
        .partSize(5 << 20).copyPartThreshold(6 << 20).copyPartSize(5 << 20).build()))
        .checkDirectoryConflicts(false).build();
  }

  @AfterEach
  void stop() {
    fs.close();
    server.close();
  }

  @Test
  void everyOperation_b2Profile_sendsNoFlexibleChecksumHeaders() throws Exception {
    fs.write("small.txt", "hello");
    fs.write("multi.bin", new ByteArrayInputStream(new byte[6 << 20]), WriteOptions.DEFAULT);
    assertThatThrownBy(() -> fs.write("fail.bin", new ByteArrayInputStream(new byte[11 << 20]), WriteOptions.DEFAULT))
        .isInstanceOf(StorageException.class);
    assertThat(fs.readString("small.txt")).isEqualTo("hello");
    fs.stat("small.txt");
    fs.fileExists("small.txt");
    fs.directoryExists("dir");
    fs.list("dir").toList();
    fs.list("", true).toList();
    fs.copy("small.txt", "copy.txt");
    fs.copy("big.bin", "big-copy.bin");
    fs.move("small.txt", "moved.txt");
    fs.delete("moved.txt");
    fs.createDirectory("made");
    fs.deleteDirectory("dir");

    List<RecordingS3Server.Request> requests = server.requests();
    assertThat(operations(requests)).contains("PutObject", "CreateMultipartUpload", "UploadPart",
        "CompleteMultipartUpload", "AbortMultipartUpload", "GetObject", "HeadObject", "ListObjectsV2",
        "CopyObject", "UploadPartCopy", "DeleteObject", "DeleteObjects");
    for (RecordingS3Server.Request r : requests) {
      assertThat(r.headers().keySet()).as(r.method() + " " + r.path() + "?" + r.query())
          .noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("x-amz-checksum-"))
          .noneMatch(h -> h.equalsIgnoreCase("x-amz-sdk-checksum-algorithm"))
          .noneMatch(h -> h.equalsIgnoreCase("x-amz-trailer"));
    }
  }

  @Test
  void deleteObjects_b2Profile_sendsContentMd5OfTheExactBody() {
    fs.deleteDirectory("dir");

    List<RecordingS3Server.Request> batches = requests("DeleteObjects");
    assertThat(batches).hasSize(1);
    RecordingS3Server.Request batch = batches.get(0);
    assertThat(batch.header("Content-MD5")).isEqualTo(Base64.getEncoder().encodeToString(batch.bodyMd5()));
    assertThat(batch.bodyLength()).isPositive();
  }

  @Test
  void deleteObjects_genericProfile_sendsTheSdkChecksumHeadersThatB2Rejects() {
    // The control: without the b2 profile the SDK does send them, so the server would see them.
    try (Filesystem generic = Filesystem.builder(S3Adapter.create(S3Config.builder("bucket")
        .profile(S3Profile.GENERIC).endpoint(server.endpoint())
        .credentials("0040123456789ab0000000001", "K004-not-a-real-secret").build()))
        .checkDirectoryConflicts(false).build()) {
      generic.deleteDirectory("dir");
    }

    RecordingS3Server.Request batch = requests("DeleteObjects").get(0);
    assertThat(batch.headers().keySet()).anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("x-amz-checksum-"));
  }

  @Test
  void writes_b2Profile_sendNoAclHeader() {
    fs.write("a.txt", "x");
    fs.write("b.txt", "y", WriteOptions.builder().visibility(dev.stowage.Visibility.PRIVATE).build());

    assertThat(server.requests()).noneMatch(r -> r.hasHeader("x-amz-acl"));
  }

  @Test
  void write_b2ProfilePublicVisibilityOnPrivateBucket_unsupportedAndNothingSent() {
    int before = server.requests().size();

    assertThatThrownBy(() -> fs.write("a.txt", "x",
        WriteOptions.builder().visibility(dev.stowage.Visibility.PUBLIC).build()))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNSUPPORTED));
    assertThat(server.requests()).hasSize(before);
  }

  private List<RecordingS3Server.Request> requests(String operation) {
    return server.requests().stream().filter(r -> operation(r).equals(operation)).toList();
  }

  private static Set<String> operations(List<RecordingS3Server.Request> requests) {
    Set<String> ops = new TreeSet<>();
    requests.forEach(r -> ops.add(operation(r)));
    return ops;
  }

  /** Names the S3 operation of a request from its method, query and headers. */
  static String operation(RecordingS3Server.Request r) {
    boolean copy = r.hasHeader("x-amz-copy-source");
    switch (r.method()) {
      case "HEAD":
        return "HeadObject";
      case "GET":
        return r.hasQuery("list-type") ? "ListObjectsV2" : r.hasQuery("uploads") ? "ListMultipartUploads" : "GetObject";
      case "PUT":
        if (r.hasQuery("partNumber")) {
          return copy ? "UploadPartCopy" : "UploadPart";
        }
        return copy ? "CopyObject" : r.hasQuery("acl") ? "PutObjectAcl" : "PutObject";
      case "POST":
        return r.hasQuery("delete") ? "DeleteObjects"
            : r.hasQuery("uploads") ? "CreateMultipartUpload" : "CompleteMultipartUpload";
      case "DELETE":
        return r.hasQuery("uploadId") ? "AbortMultipartUpload" : "DeleteObject";
      default:
        return r.method();
    }
  }
}
