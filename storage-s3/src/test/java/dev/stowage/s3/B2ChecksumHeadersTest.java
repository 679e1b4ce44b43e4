package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.Filesystem;
import dev.stowage.StorageException;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Proves on the wire that the {@code b2} profile never sends the SDK's flexible-checksum headers
 * (which B2 rejects) on any operation the adapter performs, and sends {@code Content-MD5} of the
 * exact body where S3 requires a checksum (DeleteObjects). Requests go through {@link B2Gate} to a
 * real S3Proxy, which answers and checks signatures and Content-MD5; the gate only records and
 * plays B2's refusal of those headers, the one B2 behaviour S3Proxy cannot emulate (it accepts
 * them). Outcomes are checked with S3Proxy's own client, not through the adapter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class B2ChecksumHeadersTest {

  private EmbeddedS3Proxy s3proxy;
  private B2Gate gate;
  private String bucket;
  private Filesystem fs;

  @BeforeAll
  void startServer() throws Exception {
    s3proxy = EmbeddedS3Proxy.inMemory();
  }

  @AfterAll
  void stopServer() {
    s3proxy.close();
  }

  @BeforeEach
  void start() throws Exception {
    gate = new B2Gate(s3proxy.endpoint());
    bucket = s3proxy.createBucket();
    fs = filesystem(S3Profile.B2);
  }

  @AfterEach
  void stop() {
    fs.close();
    gate.close();
  }

  private Filesystem filesystem(S3Profile profile) {
    return Filesystem.builder(
            S3Adapter.create(
                S3Config.builder(bucket)
                    .profile(profile)
                    .endpoint(gate.endpoint())
                    .region("us-west-004")
                    .credentials(s3proxy.accessKey(), s3proxy.secretKey())
                    .partSize(5 << 20)
                    .copyPartThreshold(6 << 20)
                    .copyPartSize(5 << 20)
                    .build()))
        .checkDirectoryConflicts(false)
        .build();
  }

  @Test
  void everyOperation_b2Profile_sendsNoFlexibleChecksumHeaders() {
    byte[] big = S3AdapterTest.random(7 << 20);
    fs.write("small.txt", "hello");
    fs.write("multi.bin", new ByteArrayInputStream(new byte[6 << 20]), WriteOptions.DEFAULT);
    fs.write("big.bin", new ByteArrayInputStream(big), WriteOptions.DEFAULT);
    assertThatThrownBy(() -> fs.write("fail.bin", new FailingAfter(6 << 20), WriteOptions.DEFAULT))
        .isInstanceOf(StorageException.class);
    assertThat(fs.readString("small.txt")).isEqualTo("hello");
    fs.stat("small.txt");
    fs.fileExists("small.txt");
    fs.write("dir/a.txt", "a");
    fs.write("dir/b.txt", "b");
    fs.directoryExists("dir");
    fs.list("dir").toList();
    fs.list("", true).toList();
    fs.copy("small.txt", "copy.txt");
    fs.copy("big.bin", "big-copy.bin");
    fs.move("small.txt", "moved.txt");
    fs.delete("moved.txt");
    fs.createDirectory("made");
    fs.deleteDirectory("dir");

    List<B2Gate.Request> requests = gate.requests();
    assertThat(operations(requests))
        .contains(
            "PutObject",
            "CreateMultipartUpload",
            "UploadPart",
            "CompleteMultipartUpload",
            "AbortMultipartUpload",
            "GetObject",
            "HeadObject",
            "ListObjectsV2",
            "CopyObject",
            "UploadPartCopy",
            "DeleteObject",
            "DeleteObjects");
    for (B2Gate.Request r : requests) {
      assertThat(B2Gate.unsupportedByB2(r.headers()))
          .as(r.method() + " " + r.path() + "?" + r.query())
          .isNull();
    }
    Map<String, Long> stored = objects();
    assertThat(stored)
        .containsOnlyKeys("multi.bin", "big.bin", "copy.txt", "big-copy.bin", "made/");
    assertThat(stored)
        .containsEntry("big-copy.bin", (long) big.length)
        .containsEntry("copy.txt", 5L);
    assertThat(s3proxy.client().listMultipartUploads(b -> b.bucket(bucket)).uploads())
        .as("the failed upload was aborted")
        .isEmpty();
  }

  @Test
  void deleteObjects_b2Profile_sendsContentMd5OfTheExactBody() {
    fs.write("dir/a.txt", "a");
    fs.write("dir/b.txt", "b");

    fs.deleteDirectory("dir");

    List<B2Gate.Request> batches = requests("DeleteObjects");
    assertThat(batches).hasSize(1);
    B2Gate.Request batch = batches.get(0);
    assertThat(batch.header("Content-MD5"))
        .isEqualTo(Base64.getEncoder().encodeToString(batch.bodyMd5()));
    assertThat(batch.bodyLength()).isPositive();
    assertThat(objects()).isEmpty();
  }

  @Test
  void deleteObjects_genericProfile_sendsTheSdkChecksumHeadersThatB2Rejects() {
    // The control: without the b2 profile the SDK does send them, and B2 (here the gate) refuses.
    fs.write("dir/a.txt", "a");
    fs.write("dir/b.txt", "b");
    try (Filesystem generic = filesystem(S3Profile.GENERIC)) {
      assertThatThrownBy(() -> generic.deleteDirectory("dir")).isInstanceOf(StorageException.class);
    }

    B2Gate.Request batch = requests("DeleteObjects").get(0);
    assertThat(batch.refused()).isTrue();
    assertThat(B2Gate.unsupportedByB2(batch.headers())).startsWith("x-amz-");
    assertThat(objects()).containsOnlyKeys("dir/a.txt", "dir/b.txt");
  }

  @Test
  void write_genericProfilePublicVisibility_sendsAnAclThatB2Refuses() {
    // The control for the ACL rule: a profile with per-object visibility sends x-amz-acl.
    try (Filesystem perObject =
        Filesystem.of(
            S3Adapter.create(
                S3Config.builder(bucket)
                    .profile(S3Profile.GENERIC)
                    .endpoint(gate.endpoint())
                    .credentials(s3proxy.accessKey(), s3proxy.secretKey())
                    .visibilityMode(dev.stowage.VisibilityMode.PER_OBJECT)
                    .build()))) {
      assertThatThrownBy(
              () ->
                  perObject.write(
                      "a.txt", "x", WriteOptions.builder().visibility(Visibility.PUBLIC).build()))
          .isInstanceOf(StorageException.class);
    }

    assertThat(requests("PutObject"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.header("x-amz-acl")).isEqualTo("public-read");
              assertThat(r.refused()).isTrue();
            });
    assertThat(objects()).isEmpty();
  }

  @Test
  void writes_b2Profile_sendNoAclHeader() {
    fs.write("a.txt", "x");
    fs.write("b.txt", "y", WriteOptions.builder().visibility(Visibility.PRIVATE).build());

    assertThat(gate.requests()).noneMatch(r -> r.hasHeader("x-amz-acl"));
    assertThat(objects()).containsOnlyKeys("a.txt", "b.txt");
  }

  @Test
  void write_b2ProfilePublicVisibilityOnPrivateBucket_unsupportedAndNothingSent() {
    int before = gate.requests().size();

    assertThatThrownBy(
            () ->
                fs.write(
                    "a.txt", "x", WriteOptions.builder().visibility(Visibility.PUBLIC).build()))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNSUPPORTED));
    assertThat(gate.requests()).hasSize(before);
    assertThat(objects()).isEmpty();
  }

  /** The bucket's keys and sizes, read with S3Proxy's own client. */
  private Map<String, Long> objects() {
    Map<String, Long> out = new TreeMap<>();
    for (S3Object o : s3proxy.client().listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
      out.put(o.key(), o.size());
    }
    return out;
  }

  private List<B2Gate.Request> requests(String operation) {
    return gate.requests().stream().filter(r -> operation(r).equals(operation)).toList();
  }

  private static Set<String> operations(List<B2Gate.Request> requests) {
    Set<String> ops = new TreeSet<>();
    requests.forEach(r -> ops.add(operation(r)));
    return ops;
  }

  /** Names the S3 operation of a request from its method, query and headers. */
  static String operation(B2Gate.Request r) {
    boolean copy = r.hasHeader("x-amz-copy-source");
    switch (r.method()) {
      case "HEAD":
        return "HeadObject";
      case "GET":
        return r.hasQuery("list-type")
            ? "ListObjectsV2"
            : r.hasQuery("uploads") ? "ListMultipartUploads" : "GetObject";
      case "PUT":
        if (r.hasQuery("partNumber")) {
          return copy ? "UploadPartCopy" : "UploadPart";
        }
        return copy ? "CopyObject" : r.hasQuery("acl") ? "PutObjectAcl" : "PutObject";
      case "POST":
        return r.hasQuery("delete")
            ? "DeleteObjects"
            : r.hasQuery("uploads") ? "CreateMultipartUpload" : "CompleteMultipartUpload";
      case "DELETE":
        return r.hasQuery("uploadId") ? "AbortMultipartUpload" : "DeleteObject";
      default:
        return r.method();
    }
  }

  /** A stream of zeros that fails after {@code limit} bytes, so that a multipart upload aborts. */
  private static final class FailingAfter extends InputStream {
    private long left;

    FailingAfter(long limit) {
      left = limit;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        throw new IOException("staged failure of the source stream");
      }
      int n = (int) Math.min(len, left);
      java.util.Arrays.fill(b, off, off + n, (byte) 0);
      left -= n;
      return n;
    }
  }
}
