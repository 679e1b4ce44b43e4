package dev.stowage.b2.emulator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Small-file uploads: {@code b2_get_upload_url} and the upload URL itself ({@code b2_upload_file}). */
final class UploadHandlers {
  private static final String INFO_PREFIX = "x-bz-info-";

  private final Context ctx;

  UploadHandlers(Context ctx) {
    this.ctx = ctx;
  }

  Map<String, Route> routes() {
    return Map.of(
        "b2_get_upload_url", new Route(AuthKind.ACCOUNT, this::getUploadUrl),
        "b2_upload_file", new Route(AuthKind.UPLOAD, this::upload));
  }

  Reply getUploadUrl(Call call) throws IOException {
    String bucketId = call.params().string("bucketId");
    call.principal().require(Capabilities.WRITE_FILES).requireBucket(bucketId);
    ctx.bucket(bucketId);
    String token =
        ctx.tokens().newUpload(call.principal().key().applicationKeyId(), bucketId, null);
    var n = Json.object();
    n.put("bucketId", bucketId);
    n.put(
        "uploadUrl",
        ctx.baseUrl()
            + "/b2api/v"
            + call.apiVersion()
            + "/b2_upload_file/"
            + bucketId
            + "/"
            + ctx.tokens().randomHex(8));
    n.put("authorizationToken", token);
    return Reply.ok(n);
  }

  Reply upload(Call call) throws IOException {
    if (!call.method().equals("POST")) {
      throw B2Error.METHOD_NOT_ALLOWED.exception("uploads must use POST");
    }
    Bucket bucket = ctx.bucket(call.uploadGrant().bucketId());
    String rawName = call.header("X-Bz-File-Name");
    if (rawName == null) {
      throw B2Error.BAD_REQUEST.exception("Missing header: X-Bz-File-Name");
    }
    String fileName = Names.checkFileName(Names.decode(rawName));
    call.principal().requireFile(Capabilities.WRITE_FILES, bucket.bucketId(), fileName);
    String contentType = Uploads.contentType(call.header("Content-Type"), fileName);
    String sha1 = Uploads.sha1Header(call);
    Uploads.checkLength(call, ctx.limits().maxSmallFileSize());
    Map<String, String> infos = FileInfos.check(infoHeaders(call), fileName);
    String sse = sseHeader(call, bucket);
    FileLock lock = ObjectLock.fromHeaders(call, bucket, ctx.now());
    Uploads.Received body =
        Uploads.receive(call, ctx.catalog().store(), sha1, ctx.limits().maxSmallFileSize());
    long seq = ctx.catalog().nextSeq();
    String fileId = ctx.catalog().newFileId(bucket.bucketId(), seq, ctx.now());
    FileVersion v =
        new FileVersion(
            fileId,
            bucket.bucketId(),
            fileName,
            FileVersion.UPLOAD,
            body.length(),
            body.sha1(),
            body.md5(),
            contentType,
            infos,
            ctx.now(),
            seq,
            sse,
            List.of(new Segment(body.blob(), body.length())),
            lock,
            Replication.statusFor(bucket, fileName));
    try {
      ctx.catalog().addVersion(v);
    } catch (RuntimeException e) {
      ctx.catalog().store().deleteBlob(body.blob());
      throw e;
    }
    return Reply.ok(Shapes.file(v, ctx.accountId(), call.apiVersion(), call.principal().key()));
  }

  /** The {@code X-Bz-Info-*} headers, names lowercased and values percent-decoded. */
  static Map<String, String> infoHeaders(Call call) {
    Map<String, String> infos = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> h : call.exchange().getRequestHeaders().entrySet()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith(INFO_PREFIX) && name.length() > INFO_PREFIX.length()) {
        infos.put(name.substring(INFO_PREFIX.length()), Names.decode(h.getValue().get(0)));
      }
    }
    return infos;
  }

  static @Nullable String sseHeader(Call call, Bucket bucket) {
    String sse = call.header("X-Bz-Server-Side-Encryption");
    if (sse == null) {
      return bucket.sseMode();
    }
    if (!sse.trim().equals("AES256")) {
      throw B2Error.BAD_REQUEST.exception("X-Bz-Server-Side-Encryption must be AES256");
    }
    return "SSE-B2";
  }
}
