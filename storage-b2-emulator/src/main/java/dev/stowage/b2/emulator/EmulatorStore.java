package dev.stowage.b2.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A public view of one emulator's buckets, files, versions, large files and keys, for other faces (such as the S3
 * face) that serve the SAME data as the native API. Everything goes through the emulator's catalog, so a file
 * written here is listed and downloadable natively at once, and the reverse.
 *
 * <p>Only B2's data rules are applied here (names, Object Lock on deletes, minimum part size, at least 2 parts);
 * who may do what is the calling face's decision, made with {@link #key(String)}. Failures are thrown as
 * {@link Refused} with B2's status and code. Thread-safe.
 */
public final class EmulatorStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Context ctx;

  EmulatorStore(Context ctx) {
    this.ctx = ctx;
  }

  /** A bucket as the other faces see it. */
  public record BucketView(
      String bucketId, String bucketName, boolean allPublic, boolean fileLockEnabled) {}

  /**
   * An application key (or the master key, with {@code master} true).
   *
   * @param bucketId   null unless the key is restricted to one bucket
   * @param namePrefix null unless the key is restricted to names with this prefix
   */
  public record KeyView(
      String keyId,
      String secret,
      List<String> capabilities,
      @Nullable String bucketId,
      @Nullable String namePrefix,
      boolean master,
      boolean expired) {
    /** Returns whether the key holds the capability (e.g. {@code readFiles}). */
    public boolean has(String capability) {
      return capabilities.contains(capability);
    }

    @Override
    public String toString() {
      return "KeyView[" + keyId + "]";
    }
  }

  /**
   * One stored version: an upload ({@code hide} false), a hide marker ({@code hide} true) or, from
   * {@link #unfinished}, a large file not yet finished.
   *
   * @param md5   hex MD5 of the content, or null for finished large files
   * @param parts the number of parts of a finished large file, 0 for small files
   */
  public record FileView(
      String fileId,
      String bucketId,
      String fileName,
      boolean hide,
      long contentLength,
      @Nullable String md5,
      String contentType,
      Map<String, String> fileInfo,
      long uploadTimestamp,
      int parts) {}

  /** One part of an unfinished large file. */
  public record PartView(int partNumber, long contentLength, String md5, long uploadTimestamp) {}

  /** A refusal in B2's terms: HTTP status, B2 error code and message. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;

    Refused(B2Exception e) {
      super(e.getMessage(), null, false, false);
      this.status = e.status();
      this.code = e.code();
    }

    /** Returns the HTTP status B2 answers with. */
    public int status() {
      return status;
    }

    /** Returns B2's error code, e.g. {@code access_denied}. */
    public String code() {
      return code;
    }
  }

  /**
   * What the bucket's CORS rules allow for one cross-origin request.
   *
   * @param maxAgeSeconds the matching rule's {@code maxAgeSeconds}
   * @param exposeHeaders the matching rule's {@code exposeHeaders}
   */
  public record CorsGrant(long maxAgeSeconds, List<String> exposeHeaders) {}

  /**
   * Returns the grant of the first of the bucket's CORS rules (native {@code corsRules}, in order) that allows
   * {@code origin} to call {@code operation} (e.g. {@code s3_put}) with these request headers, or null when none
   * does or the bucket does not exist.
   */
  public @Nullable CorsGrant cors(
      String bucketName, @Nullable String origin, String operation, List<String> requestedHeaders) {
    Bucket b = ctx.catalog().bucketByName(bucketName);
    if (b == null || origin == null) {
      return null;
    }
    var rule =
        Cors.match(
            b,
            origin,
            operation,
            requestedHeaders.stream()
                .map(h -> h.trim().toLowerCase(java.util.Locale.ROOT))
                .toList());
    return rule == null
        ? null
        : new CorsGrant(
            rule.get("maxAgeSeconds").asLong(), Cors.strings(rule, "exposeHeaders", false));
  }

  /**
   * One of a bucket's CORS rules, as the native API stores it.
   *
   * @param name the rule's {@code corsRuleName}
   * @param allowedOrigins origins, {@code *} or with one {@code *} wildcard
   * @param allowedOperations operations, e.g. {@code s3_put} or {@code b2_download_file_by_name}
   * @param allowedHeaders request headers a preflight may ask for
   * @param exposeHeaders response headers the browser may read
   * @param maxAgeSeconds how long a preflight answer may be cached
   */
  public record CorsRule(
      String name,
      List<String> allowedOrigins,
      List<String> allowedOperations,
      List<String> allowedHeaders,
      List<String> exposeHeaders,
      long maxAgeSeconds) {
    public CorsRule {
      allowedOrigins = List.copyOf(allowedOrigins);
      allowedOperations = List.copyOf(allowedOperations);
      allowedHeaders = List.copyOf(allowedHeaders);
      exposeHeaders = List.copyOf(exposeHeaders);
    }
  }

  /** Returns the bucket's CORS rules in order; a missing bucket is refused as the native API refuses it. */
  public List<CorsRule> corsRules(String bucketId) {
    return call(
        () -> ctx.bucket(bucketId).corsRules().stream().map(EmulatorStore::corsRule).toList());
  }

  /**
   * Replaces every CORS rule of the bucket (as {@code b2_update_bucket} with {@code corsRules} does), after the
   * native API's checks: a bad rule is refused with 400 {@code bad_request} naming the problem.
   */
  public void setCorsRules(String bucketId, List<CorsRule> rules) {
    run(
        () -> {
          List<JsonNode> json = new ArrayList<>();
          for (CorsRule r : rules) {
            var n = JSON.createObjectNode();
            n.put("corsRuleName", r.name());
            r.allowedOrigins().forEach(n.putArray("allowedOrigins")::add);
            r.allowedOperations().forEach(n.putArray("allowedOperations")::add);
            r.allowedHeaders().forEach(n.putArray("allowedHeaders")::add);
            r.exposeHeaders().forEach(n.putArray("exposeHeaders")::add);
            n.put("maxAgeSeconds", r.maxAgeSeconds());
            json.add(n);
          }
          List<JsonNode> valid = Cors.validate(json);
          ctx.catalog()
              .updateBucket(
                  bucketId,
                  null,
                  old ->
                      new Bucket(
                          old.bucketId(),
                          old.bucketName(),
                          old.bucketType(),
                          old.bucketInfo(),
                          valid,
                          old.lifecycleRules(),
                          old.revision() + 1,
                          old.sseMode(),
                          old.fileLockEnabled(),
                          old.defaultRetention(),
                          old.replication()));
        });
  }

  private static CorsRule corsRule(JsonNode n) {
    return new CorsRule(
        n.path("corsRuleName").asText(),
        Cors.strings(n, "allowedOrigins", false),
        Cors.strings(n, "allowedOperations", false),
        Cors.strings(n, "allowedHeaders", false),
        Cors.strings(n, "exposeHeaders", false),
        n.path("maxAgeSeconds").asLong());
  }

  /** Returns the emulator's current time in ms since the epoch (its injected clock). */
  public long now() {
    return ctx.now();
  }

  /** Returns every bucket, ordered by name. */
  public List<BucketView> buckets() {
    return ctx.catalog().buckets().stream().map(EmulatorStore::view).toList();
  }

  /** Returns the bucket with this name, or null. */
  public @Nullable BucketView bucket(String bucketName) {
    Bucket b = ctx.catalog().bucketByName(bucketName);
    return b == null ? null : view(b);
  }

  /** Creates a bucket ({@code allPrivate} or {@code allPublic}) with B2's name rules. */
  public BucketView createBucket(String bucketName, boolean allPublic) {
    return call(
        () -> {
          Names.checkBucketName(bucketName);
          String id = ctx.tokens().randomHex(12);
          Bucket b =
              new Bucket(
                  id,
                  bucketName,
                  allPublic ? "allPublic" : "allPrivate",
                  Map.of(),
                  List.of(),
                  List.of(),
                  1,
                  null,
                  false);
          return view(ctx.catalog().createBucket(b, ctx.limits().maxBuckets()));
        });
  }

  /** Deletes an empty bucket; refuses a bucket that holds any version. */
  public void deleteBucket(String bucketId) {
    call(() -> ctx.catalog().deleteBucket(bucketId));
  }

  /** Returns the key with this id (the master key too), or null when there is none. */
  public @Nullable KeyView key(String keyId) {
    Store.Account account = ctx.catalog().account();
    AppKey k =
        keyId.equals(account.masterKeyId())
            ? Authenticator.master(account)
            : ctx.catalog().key(keyId);
    if (k == null) {
      return null;
    }
    boolean expired = k.expirationTimestamp() != null && ctx.now() >= k.expirationTimestamp();
    return new KeyView(
        k.applicationKeyId(),
        k.applicationKey(),
        k.capabilities(),
        k.bucketId(),
        k.namePrefix(),
        k.master(),
        expired);
  }

  /**
   * Creates an application key as {@code b2_create_key} does, with B2's rules: known capabilities, a name of 1 to
   * 100 letters, digits or '-', a name prefix only with a bucket, and no account-level capability on a key
   * restricted to a bucket.
   *
   * @param bucketId   null for a key that may use every bucket
   * @param namePrefix null for a key that may use every name in its bucket
   * @throws Refused with B2's {@code bad_request} when a rule is broken or the bucket does not exist
   */
  public KeyView createKey(
      String keyName,
      List<String> capabilities,
      @Nullable String bucketId,
      @Nullable String namePrefix) {
    AppKey k =
        call(() -> KeyHandlers.newKey(ctx, keyName, capabilities, null, bucketId, namePrefix));
    return new KeyView(
        k.applicationKeyId(),
        k.applicationKey(),
        k.capabilities(),
        k.bucketId(),
        k.namePrefix(),
        false,
        false);
  }

  /** Returns the capability names B2 knows, in B2's order; the master key holds all of them. */
  public static List<String> capabilityNames() {
    return Capabilities.ALL;
  }

  /**
   * Returns versions (uploads and hide markers) of names starting with {@code prefix} and not before
   * {@code startName}, names in B2's byte order and newest first within a name, at most {@code max}
   * names' worth (all versions of the last name included).
   */
  public List<FileView> versions(String bucketId, String prefix, String startName, int max) {
    return ctx.catalog()
        .readNames(
            bucketId,
            names -> {
              List<FileView> out = new ArrayList<>();
              String from = startName;
              if (prefix != null && (from == null || Names.BYTE_ORDER.compare(from, prefix) < 0)) {
                from = prefix;
              }
              var tail = from == null ? names : names.tailMap(from, true);
              int seen = 0;
              for (var e : tail.entrySet()) {
                if (prefix != null && !e.getKey().startsWith(prefix)) {
                  if (Names.BYTE_ORDER.compare(e.getKey(), prefix) > 0) {
                    break;
                  }
                  continue;
                }
                boolean any = false;
                for (FileVersion v : e.getValue()) {
                  if (!v.isStart()) {
                    out.add(view(v));
                    any = true;
                  }
                }
                if (any && ++seen >= max) {
                  break;
                }
              }
              return out;
            });
  }

  /** Returns the current upload of a name, or null when it has none or is hidden. */
  public @Nullable FileView current(String bucketId, String fileName) {
    for (FileVersion v : ctx.catalog().versionsOf(bucketId, fileName)) {
      if (!v.isStart()) {
        return v.isUpload() ? view(v) : null;
      }
    }
    return null;
  }

  /** Returns the version with this id (an unfinished large file included), or null. */
  public @Nullable FileView version(String fileId) {
    FileVersion v = ctx.catalog().version(fileId);
    return v == null ? null : view(v);
  }

  /** Opens {@code length} bytes of an upload's content from {@code offset}; the caller closes the stream. */
  public InputStream open(String fileId, long offset, long length) {
    FileVersion v = ctx.catalog().version(fileId);
    if (v == null || !v.isUpload()) {
      throw new Refused(B2Error.NOT_FOUND.exception("File not present: " + fileId));
    }
    return Content.open(ctx.catalog().store(), v.segments(), offset, length);
  }

  /**
   * Stores a new version of a name from {@code body} (read to its end) and returns it. The bucket's default
   * retention applies as for a native upload.
   */
  public FileView upload(
      String bucketId,
      String fileName,
      String contentType,
      Map<String, String> info,
      InputStream body) {
    return upload(bucketId, fileName, contentType, info, body, null);
  }

  /**
   * Like {@link #upload(String, String, String, Map, InputStream)}, but when {@code expectedMd5} (hex) is not null
   * and the body's MD5 differs, nothing is stored and {@link Refused} with code {@code bad_digest} is thrown.
   */
  public FileView upload(
      String bucketId,
      String fileName,
      String contentType,
      Map<String, String> info,
      InputStream body,
      @Nullable String expectedMd5) {
    return call(
        () -> {
          Bucket bucket = ctx.bucket(bucketId);
          Names.checkFileName(fileName);
          Map<String, String> infos = FileInfos.check(info, fileName);
          Stored s = store(body);
          if (expectedMd5 != null && !expectedMd5.equalsIgnoreCase(s.md5)) {
            ctx.catalog().store().deleteBlob(s.blob);
            throw new B2Exception(
                400, "bad_digest", "the content's MD5 is " + s.md5 + ", not " + expectedMd5);
          }
          long seq = ctx.catalog().nextSeq();
          FileLock lock = ObjectLock.forNewVersion(bucket, null, null, null, null, ctx.now());
          FileVersion v =
              new FileVersion(
                  ctx.catalog().newFileId(bucketId, seq, ctx.now()),
                  bucketId,
                  fileName,
                  FileVersion.UPLOAD,
                  s.length,
                  s.sha1,
                  s.md5,
                  type(contentType),
                  infos,
                  ctx.now(),
                  seq,
                  bucket.sseMode(),
                  List.of(new Segment(s.blob, s.length)),
                  lock,
                  Replication.statusFor(bucket, fileName));
          add(v, s.blob);
          return view(v);
        });
  }

  /** Hides a name (a hide marker becomes its newest version) and returns the marker. */
  public FileView hide(String bucketId, String fileName) {
    return call(
        () -> {
          ctx.bucket(bucketId);
          synchronized (ctx.catalog()) {
            long seq = ctx.catalog().nextSeq();
            FileVersion marker =
                FileVersion.hideMarker(
                    ctx.catalog().newFileId(bucketId, seq, ctx.now()),
                    bucketId,
                    fileName,
                    ctx.now(),
                    seq);
            ctx.catalog().addVersion(marker);
            return view(marker);
          }
        });
  }

  /**
   * Deletes one version, as {@code b2_delete_file_version} does for the key {@code keyId}: refused while Object
   * Lock holds it (governance retention yields only to {@code bypassGovernance} with that capability).
   */
  public void deleteVersion(String fileId, @Nullable String keyId, boolean bypassGovernance) {
    run(
        () -> {
          synchronized (ctx.catalog()) {
            FileVersion v = ctx.catalog().version(fileId);
            if (v == null) {
              throw B2Error.FILE_NOT_PRESENT.exception("File not present: " + fileId);
            }
            ObjectLock.checkDeletable(v, principal(keyId), bypassGovernance, ctx.now());
            ctx.catalog().removeVersion(fileId);
          }
        });
  }

  /** Starts a large file and returns it (its id is the upload's id). */
  public FileView startLargeFile(
      String bucketId, String fileName, String contentType, Map<String, String> info) {
    return call(
        () -> {
          Bucket bucket = ctx.bucket(bucketId);
          Names.checkFileName(fileName);
          Map<String, String> infos = FileInfos.check(info, fileName);
          long seq = ctx.catalog().nextSeq();
          FileLock lock = ObjectLock.forNewVersion(bucket, null, null, null, null, ctx.now());
          FileVersion v =
              new FileVersion(
                  ctx.catalog().newLargeFileId(bucketId, seq, ctx.now()),
                  bucketId,
                  fileName,
                  FileVersion.START,
                  0,
                  "none",
                  null,
                  type(contentType),
                  infos,
                  ctx.now(),
                  seq,
                  bucket.sseMode(),
                  List.of(),
                  lock,
                  Replication.statusFor(bucket, fileName));
          ctx.catalog().addVersion(v);
          return view(v);
        });
  }

  /** Stores (or replaces) one part of an unfinished large file from {@code body}. */
  public PartView uploadPart(String fileId, int partNumber, InputStream body) {
    return call(
        () -> {
          if (partNumber < 1 || partNumber > Limits.MAX_PARTS) {
            throw B2Error.BAD_REQUEST.exception(
                "part number must be from 1 to 10000 but was " + partNumber);
          }
          Stored s = store(body);
          Part part = new Part(fileId, partNumber, s.length, s.sha1, s.md5, ctx.now(), s.blob);
          try {
            ctx.catalog().putPart(part);
          } catch (RuntimeException e) {
            ctx.catalog().store().deleteBlob(s.blob);
            throw e;
          }
          return partView(part);
        });
  }

  /** Returns the parts of an unfinished large file, by number. */
  public List<PartView> parts(String fileId) {
    return ctx.catalog().parts(fileId).stream().map(EmulatorStore::partView).toList();
  }

  /** Returns the unfinished large files of a bucket, oldest first. */
  public List<FileView> unfinished(String bucketId) {
    return ctx.catalog().unfinished(bucketId).stream().map(EmulatorStore::view).toList();
  }

  /**
   * Finishes a large file from the listed parts, in order: every part but the last at least the minimum part
   * size; parts not listed are dropped. One part is enough here (B2's S3 API completes a one-part multipart
   * upload), unlike the native {@code b2_finish_large_file}, which wants at least 2.
   */
  public FileView finishLargeFile(String fileId, List<Integer> partNumbers) {
    return call(
        () -> {
          synchronized (ctx.catalog()) {
            FileVersion v = ctx.catalog().version(fileId);
            if (v == null || !v.isStart()) {
              throw B2Error.BAD_REQUEST.exception("Invalid fileId: " + fileId);
            }
            if (partNumbers.isEmpty()) {
              throw B2Error.BAD_REQUEST.exception("a large file needs at least 1 part");
            }
            Map<Integer, Part> byNumber = new java.util.HashMap<>();
            ctx.catalog().parts(fileId).forEach(p -> byNumber.put(p.partNumber(), p));
            List<Segment> segments = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < partNumbers.size(); i++) {
              Part part = byNumber.get(partNumbers.get(i));
              if (part == null) {
                throw B2Error.MISSING_PART.exception(
                    "Part number " + partNumbers.get(i) + " has not been uploaded");
              }
              if (i < partNumbers.size() - 1
                  && part.contentLength() < ctx.limits().absoluteMinimumPartSize()) {
                throw B2Error.BAD_REQUEST.exception(
                    "Part number "
                        + part.partNumber()
                        + " is smaller than "
                        + "the minimum part size "
                        + ctx.limits().absoluteMinimumPartSize());
              }
              segments.add(new Segment(part.blob(), part.contentLength()));
              total += part.contentLength();
            }
            return view(ctx.catalog().finish(v.finished(total, segments)));
          }
        });
  }

  /** Cancels an unfinished large file and drops its parts. */
  public void cancelLargeFile(String fileId) {
    run(
        () -> {
          FileVersion v = ctx.catalog().version(fileId);
          if (v == null || !v.isStart()) {
            throw B2Error.BAD_REQUEST.exception("Invalid fileId: " + fileId);
          }
          ctx.catalog().removeVersion(fileId);
        });
  }

  /** Returns the absolute minimum part size (every part of a large file but the last is at least this). */
  public long absoluteMinimumPartSize() {
    return ctx.limits().absoluteMinimumPartSize();
  }

  // ---- helpers

  private interface Action<T> {
    T run() throws IOException;
  }

  private interface Step {
    void run() throws IOException;
  }

  private static void run(Step step) {
    call(
        () -> {
          step.run();
          return Boolean.TRUE;
        });
  }

  private static <T> T call(Action<T> action) {
    try {
      return action.run();
    } catch (B2Exception e) {
      throw new Refused(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private @Nullable Principal principal(@Nullable String keyId) {
    if (keyId == null) {
      return null;
    }
    Store.Account account = ctx.catalog().account();
    AppKey k =
        keyId.equals(account.masterKeyId())
            ? Authenticator.master(account)
            : ctx.catalog().key(keyId);
    return k == null ? null : new Principal(k, null, 4);
  }

  private void add(FileVersion v, String blob) {
    try {
      ctx.catalog().addVersion(v);
    } catch (RuntimeException e) {
      ctx.catalog().store().deleteBlob(blob);
      throw e;
    }
  }

  private static String type(String contentType) {
    return contentType == null || contentType.isBlank()
        ? "application/octet-stream"
        : contentType.trim();
  }

  private record Stored(String blob, long length, String sha1, String md5) {}

  private Stored store(InputStream body) throws IOException {
    MessageDigest sha1 = digest("SHA-1");
    MessageDigest md5 = digest("MD5");
    try (Store.BlobSink sink = ctx.catalog().store().newBlob();
        InputStream in = new DigestInputStream(new DigestInputStream(body, sha1), md5)) {
      long n = in.transferTo(sink.stream());
      String blob = sink.commit();
      return new Stored(
          blob, n, HexFormat.of().formatHex(sha1.digest()), HexFormat.of().formatHex(md5.digest()));
    }
  }

  private static MessageDigest digest(String name) {
    try {
      return MessageDigest.getInstance(name);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BucketView view(Bucket b) {
    return new BucketView(b.bucketId(), b.bucketName(), b.isPublic(), b.fileLockEnabled());
  }

  private static FileView view(FileVersion v) {
    return new FileView(
        v.fileId(),
        v.bucketId(),
        v.fileName(),
        v.isHide(),
        v.contentLength(),
        v.contentMd5(),
        v.contentType(),
        v.fileInfo(),
        v.uploadTimestamp(),
        v.contentMd5() == null ? v.segments().size() : 0);
  }

  private static PartView partView(Part p) {
    return new PartView(p.partNumber(), p.contentLength(), p.contentMd5(), p.uploadTimestamp());
  }

  @Override
  public String toString() {
    return "EmulatorStore[" + Objects.requireNonNullElse(ctx.baseUrl(), "") + "]";
  }
}
