package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.ByteRange;
import dev.stowage.Capability;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.StorageAttributes;
import dev.stowage.StorageException;
import dev.stowage.StorageException.Kind;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The adapter's own behaviour against an embedded S3Proxy: multipart, copies, batches, ACL headers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class S3AdapterTest {

  private static final int MIB = 1 << 20;

  private EmbeddedS3Proxy server;
  private final RecordingInterceptor recorder = new RecordingInterceptor();
  private final FailingInterceptor failer = new FailingInterceptor();
  private String bucket;
  private Filesystem fs;

  @BeforeAll
  void startServer() throws Exception {
    server = EmbeddedS3Proxy.inMemory();
  }

  @AfterAll
  void stopServer() throws Exception {
    server.close();
  }

  @BeforeEach
  void openBucket() {
    bucket = server.createBucket();
    fs =
        Filesystem.of(
            S3Adapter.create(
                server
                    .config(bucket)
                    .partSize(5 * MIB)
                    .multipartThreshold(5 * MIB)
                    .concurrency(3)
                    .copyPartThreshold(6 * MIB)
                    .copyPartSize(5 * MIB)
                    .interceptor(recorder)
                    .interceptor(failer)
                    .build()));
    recorder.clear();
    failer.disarm();
  }

  @AfterEach
  void closeFilesystem() {
    fs.close();
  }

  @Test
  void write_smallBytes_onePutWithMd5EtagAndNativeChecksum() throws Exception {
    byte[] data = "hello".getBytes();

    FileAttributes written = fs.write("a.txt", data);

    assertThat(recorder.sent("PutObject")).hasSize(1);
    assertThat(written.etag()).isEqualTo(md5(data));
    assertThat(fs.stat("a.txt").etag()).isEqualTo(md5(data));
    recorder.clear();
    assertThat(fs.checksum("a.txt", ChecksumAlgorithm.MD5).hex()).isEqualTo(md5(data));
    assertThat(recorder.sent("GetObject")).isEmpty();
  }

  @Test
  void write_unknownLengthStreamAboveThreshold_multipartInParallelParts() throws Exception {
    byte[] data = random(12 * MIB + 123);

    FileAttributes written =
        fs.write("big.bin", new ByteArrayInputStream(data), WriteOptions.DEFAULT);

    assertThat(recorder.sent("UploadPart")).hasSize(3);
    assertThat(recorder.sent("CompleteMultipartUpload")).hasSize(1);
    assertThat(written.size()).isEqualTo(data.length);
    assertThat(written.etag()).endsWith("-3");
    assertThat(fs.read("big.bin")).isEqualTo(data);
    // The multipart ETag is no MD5, so the facade streams the checksum instead.
    assertThat(fs.checksum("big.bin", ChecksumAlgorithm.MD5).hex()).isEqualTo(md5(data));
  }

  @Test
  void write_localFileAboveThreshold_partsReadByPosition(@TempDir Path dir) throws Exception {
    byte[] data = random(11 * MIB);
    Path file = Files.write(dir.resolve("src.bin"), data);

    fs.write(
        "from-file.bin",
        file,
        WriteOptions.builder()
            .contentType("application/x-test")
            .userMetadata("owner", "alice")
            .build());

    assertThat(recorder.sent("UploadPart")).hasSize(3);
    assertThat(fs.read("from-file.bin")).isEqualTo(data);
    FileAttributes stat = fs.stat("from-file.bin");
    assertThat(stat.contentType()).isEqualTo("application/x-test");
    assertThat(stat.userMetadata()).containsEntry("owner", "alice");
  }

  @Test
  void write_partFails_uploadAbortedAndNothingLeft() {
    failer.failPart(2);
    byte[] data = random(16 * MIB);

    assertThatThrownBy(
            () -> fs.write("doomed.bin", new ByteArrayInputStream(data), WriteOptions.DEFAULT))
        .isInstanceOf(StorageException.class);

    assertThat(recorder.sent("AbortMultipartUpload")).hasSize(1);
    assertThat(server.client().listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
    assertThat(fs.fileExists("doomed.bin")).isFalse();
  }

  @Test
  void write_createOnlyOverExistingFile_alreadyExistsAndUnchanged() {
    fs.write("once.txt", "first");
    WriteOptions createOnly = WriteOptions.builder().createOnly(true).build();

    assertThatThrownBy(() -> fs.write("once.txt", "second", createOnly))
        .isInstanceOfSatisfying(
            StorageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.ALREADY_EXISTS));
    assertThat(recorder.sent("PutObject").get(1).hasHeader("If-None-Match")).isTrue();
    assertThat(fs.readString("once.txt")).isEqualTo("first");
  }

  @Test
  void write_createOnlyMultipartOverExistingFile_alreadyExistsAndUnchanged() {
    fs.write("once.bin", "first");
    byte[] data = random(6 * MIB);

    assertThatThrownBy(
            () ->
                fs.write(
                    "once.bin",
                    new ByteArrayInputStream(data),
                    WriteOptions.builder().createOnly(true).build()))
        .isInstanceOfSatisfying(
            StorageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.ALREADY_EXISTS));
    assertThat(fs.readString("once.bin")).isEqualTo("first");
    assertThat(server.client().listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
  }

  @Test
  void write_withoutVisibility_sendsNoAclHeader() {
    fs.write("plain.txt", "x");
    fs.write("big.bin", new ByteArrayInputStream(random(6 * MIB)), WriteOptions.DEFAULT);
    fs.createDirectory("dir");
    fs.copy("plain.txt", "copy.txt");

    assertThat(recorder.sent()).noneMatch(s -> s.hasHeader("x-amz-acl"));
  }

  @Test
  void write_publicVisibility_sendsCannedAclAndIsAnonymouslyReadable() throws Exception {
    fs.write("pub.txt", "open", WriteOptions.builder().visibility(Visibility.PUBLIC).build());
    fs.write("priv.txt", "closed", WriteOptions.builder().visibility(Visibility.PRIVATE).build());

    assertThat(recorder.sent("PutObject").get(0).headers().get("x-amz-acl"))
        .containsExactly("public-read");
    assertThat(fs.visibility("pub.txt")).isEqualTo(Visibility.PUBLIC);
    assertThat(fs.visibility("priv.txt")).isEqualTo(Visibility.PRIVATE);
    assertThat(Http.get(fs.publicUrl("pub.txt")).statusCode()).isEqualTo(200);
    assertThat(Http.get(fs.publicUrl("priv.txt")).statusCode()).isEqualTo(403);
  }

  @Test
  void copy_aboveCopyThreshold_usesPartCopiesAndKeepsMetadataAndVisibility() throws Exception {
    byte[] data = random(12 * MIB + 7);
    fs.write(
        "src.bin",
        data,
        WriteOptions.builder()
            .contentType("application/x-big")
            .cacheControl("max-age=60")
            .userMetadata("k", "v")
            .visibility(Visibility.PUBLIC)
            .build());
    recorder.clear();

    FileAttributes copied = fs.copy("src.bin", "dst.bin");

    assertThat(recorder.sent("UploadPartCopy")).hasSize(3);
    assertThat(recorder.sent("CopyObject")).isEmpty();
    assertThat(copied.size()).isEqualTo(data.length);
    assertThat(fs.read("dst.bin")).isEqualTo(data);
    FileAttributes stat = fs.stat("dst.bin");
    assertThat(stat.contentType()).isEqualTo("application/x-big");
    assertThat(stat.cacheControl()).isEqualTo("max-age=60");
    assertThat(stat.userMetadata()).containsEntry("k", "v");
    assertThat(stat.visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(server.client().listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
  }

  @Test
  void copy_replacingContentType_keepsOtherMetadata() {
    fs.write(
        "s.txt",
        "x",
        WriteOptions.builder()
            .contentType("text/plain")
            .userMetadata("a", "1")
            .contentDisposition("inline")
            .build());

    fs.copy("s.txt", "d.txt", WriteOptions.builder().contentType("text/csv").build());

    FileAttributes d = fs.stat("d.txt");
    assertThat(d.contentType()).isEqualTo("text/csv");
    assertThat(d.userMetadata()).containsEntry("a", "1");
    assertThat(d.contentDisposition()).isEqualTo("inline");
  }

  @Test
  void read_rangePastEnd_rangeNotSatisfiable() {
    fs.write("r.txt", "0123456789");

    assertThatThrownBy(() -> fs.readStream("r.txt", ByteRange.from(10)).readAllBytes())
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.RANGE_NOT_SATISFIABLE));
  }

  @Test
  void read_emptyFileWholeRange_readsNothing() throws Exception {
    fs.write("empty.txt", new byte[0]);

    try (InputStream in = fs.readStream("empty.txt", ByteRange.from(0))) {
      assertThat(in.readAllBytes()).isEmpty();
    }
    try (InputStream in = fs.readStream("empty.txt", ByteRange.last(5))) {
      assertThat(in.readAllBytes()).isEmpty();
    }
  }

  @Test
  void read_closedEarly_doesNotReadTheRest() throws Exception {
    fs.write("long.bin", random(8 * MIB));

    try (InputStream in = fs.readStream("long.bin")) {
      assertThat(in.read()).isNotNegative();
    }

    // The aborted connection is not reused; the next read works.
    assertThat(fs.read("long.bin")).hasSize(8 * MIB);
  }

  @Test
  void deleteDirectory_moreKeysThanOneBatch_deletesEverythingInSeveralBatches() {
    IntStream.range(0, 25)
        .forEach(
            i ->
                server
                    .client()
                    .putObject(
                        b -> b.bucket(bucket).key("gone/f" + i),
                        software.amazon.awssdk.core.sync.RequestBody.fromString("x")));
    fs.write("gone-sibling.txt", "stay");
    fs.createDirectory("gone");
    recorder.clear();
    S3Adapter adapter = S3Adapter.create(server.config(bucket).interceptor(recorder).build());

    new S3BatchDelete(new S3Context(adapter.client(), adapter.config()), 10).deleteTree("gone");

    assertThat(recorder.sent("DeleteObjects")).hasSize(3);
    assertThat(recorder.sent("DeleteObjects"))
        .allMatch(
            s ->
                s.hasHeader("Content-MD5")
                    || s.headers().keySet().stream()
                        .anyMatch(h -> h.toLowerCase().startsWith("x-amz-checksum-")));
    assertThat(fs.directoryExists("gone")).isFalse();
    assertThat(fs.fileExists("gone-sibling.txt")).isTrue();
    adapter.close();
  }

  @Test
  void list_deep_reportsEachDirectoryOnceInKeyOrderAndNoMarkerAsFile() {
    fs.write("a/b.txt", "1");
    fs.write("a/b/c.txt", "2");
    fs.write("a/b/d/e.txt", "3");
    fs.createDirectory("a/m");
    fs.write("z.txt", "4");

    List<String> deep =
        fs.list("", true).stream()
            .map(e -> (e.isDirectory() ? "d:" : "f:") + e.path())
            .collect(Collectors.toList());
    List<String> shallow =
        fs.list("a").stream()
            .map(e -> (e.isDirectory() ? "d:" : "f:") + e.path())
            .collect(Collectors.toList());

    assertThat(deep)
        .containsExactly(
            "d:a",
            "f:a/b.txt",
            "d:a/b",
            "f:a/b/c.txt",
            "d:a/b/d",
            "f:a/b/d/e.txt",
            "d:a/m",
            "f:z.txt");
    assertThat(shallow).containsExactly("f:a/b.txt", "d:a/b", "d:a/m");
  }

  @Test
  void directoryExists_markerOrDescendant_true() {
    fs.createDirectory("marked");
    fs.write("implied/x.txt", "x");

    assertThat(fs.directoryExists("marked")).isTrue();
    assertThat(fs.directoryExists("implied")).isTrue();
    assertThat(fs.directoryExists("implied/x.txt")).isFalse();
    assertThat(fs.fileExists("marked")).isFalse();
    assertThat(fs.list("marked").toList()).isEmpty();
  }

  @Test
  void capabilities_s3ProxyConfiguration_declaresEverythingItSupports() {
    assertThat(fs.capabilities().features())
        .contains(
            Capability.CREATE_ONLY,
            Capability.RANGE_READ,
            Capability.RANGE_NOT_SATISFIABLE,
            Capability.VISIBILITY_PER_OBJECT,
            Capability.PREPARE_UPLOAD,
            Capability.UPLOAD_ENFORCES_CONTENT_TYPE,
            Capability.MULTIPART,
            Capability.PUBLIC_URL);
    assertThat(fs.capabilities().maxPathBytes()).isEqualTo(1023);
    assertThat(fs.capabilities().nativeChecksums()).containsExactly(ChecksumAlgorithm.MD5);
  }

  @Test
  void stat_missingFile_notFoundAndListingOfMissingDirectoryEmpty() {
    assertThatThrownBy(() -> fs.stat("nope.txt"))
        .isInstanceOfSatisfying(
            StorageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
    List<StorageAttributes> none = fs.list("nope").toList();
    assertThat(none).isEmpty();
  }

  @Test
  void listWriteAndRead_missingBucket_failWithBucketNotFoundInsteadOfReadingAsEmpty() {
    java.net.URI uri =
        java.net.URI.create(
            "s3://no-such-bucket-anywhere/p?profile=generic&endpoint="
                + server.endpoint()
                + "&pathStyle=true");
    try (Filesystem missing =
        dev.stowage.Filesystems.open(
            uri,
            java.util.Map.of("accessKey", server.accessKey(), "secretKey", server.secretKey()))) {
      assertThatThrownBy(() -> missing.list("").iterator().hasNext())
          .isInstanceOfSatisfying(
              StorageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BUCKET_NOT_FOUND));
      assertThatThrownBy(() -> missing.write("a.txt", "x"))
          .isInstanceOfSatisfying(
              StorageException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(Kind.BUCKET_NOT_FOUND);
                assertThat(e.getMessage()).contains("a.txt").contains("bucket not found");
              });
      assertThatThrownBy(() -> missing.read("a.txt"))
          .isInstanceOfSatisfying(
              StorageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BUCKET_NOT_FOUND));
    }
  }

  @Test
  void filesystemsOpen_missingBucket_firstOperationFailsNamingTheBucket() {
    java.net.URI uri =
        java.net.URI.create(
            "s3://no-such-bucket-anywhere/p?profile=generic&endpoint="
                + server.endpoint()
                + "&pathStyle=true");
    java.util.Map<String, String> keys =
        java.util.Map.of("accessKey", server.accessKey(), "secretKey", server.secretKey());
    // A HEAD answers 404 without a body: the adapter must tell a missing bucket from a missing key.
    try (Filesystem missing = dev.stowage.Filesystems.open(uri, keys)) {
      assertThatThrownBy(() -> missing.stat("reports/q1.txt"))
          .isInstanceOfSatisfying(
              StorageException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(Kind.BUCKET_NOT_FOUND);
                assertThat(e.getMessage())
                    .startsWith("Unable to read metadata of 'reports/q1.txt': bucket not found")
                    .contains("no-such-bucket-anywhere");
              });
    }
    try (Filesystem missing = dev.stowage.Filesystems.open(uri, keys)) {
      assertThatThrownBy(() -> missing.fileExists("a.txt"))
          .isInstanceOfSatisfying(
              StorageException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BUCKET_NOT_FOUND));
    }
    try (Filesystem missing = dev.stowage.Filesystems.open(uri, keys)) {
      assertThatThrownBy(() -> missing.write("a.txt", "x"))
          .isInstanceOfSatisfying(
              StorageException.class,
              e ->
                  assertThat(e.getMessage())
                      .startsWith("Unable to write 'a.txt': bucket not found")
                      .contains("no-such-bucket-anywhere"));
    }
  }

  @Test
  void fileExists_missingKeyInExistingBucket_isFalse() {
    assertThat(fs.fileExists("never-written.txt")).isFalse();
    assertThat(fs.fileExists("never-written-either.txt")).isFalse();
  }

  @Test
  void filesystemsOpen_s3UriWithSettings_writesUnderThePrefix() {
    java.net.URI uri =
        java.net.URI.create(
            "s3://"
                + bucket
                + "/via/uri?profile=generic&endpoint="
                + server.endpoint()
                + "&pathStyle=true");
    try (Filesystem opened =
        dev.stowage.Filesystems.open(
            uri,
            java.util.Map.of("accessKey", server.accessKey(), "secretKey", server.secretKey()))) {
      opened.write("x.txt", "through the URI");
    }

    assertThat(
            server
                .client()
                .getObjectAsBytes(b -> b.bucket(bucket).key("via/uri/x.txt"))
                .asUtf8String())
        .isEqualTo("through the URI");
  }

  static byte[] random(int size) {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    return data;
  }

  static String md5(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
  }
}
