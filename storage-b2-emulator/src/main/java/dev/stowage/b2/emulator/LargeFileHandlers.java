package dev.stowage.b2.emulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Large files: start, part URLs, parts, finish (with {@code partSha1Array}), cancel, list parts and list
 * unfinished files.
 */
final class LargeFileHandlers {
  private final Context ctx;

  LargeFileHandlers(Context ctx) {
    this.ctx = ctx;
  }

  Map<String, Route> routes() {
    return Map.of(
        "b2_start_large_file", new Route(AuthKind.ACCOUNT, this::start),
        "b2_get_upload_part_url", new Route(AuthKind.ACCOUNT, this::getUploadPartUrl),
        "b2_upload_part", new Route(AuthKind.PART, this::uploadPart),
        "b2_finish_large_file", new Route(AuthKind.ACCOUNT, this::finish),
        "b2_cancel_large_file", new Route(AuthKind.ACCOUNT, this::cancel),
        "b2_list_parts", new Route(AuthKind.ACCOUNT, this::listParts),
        "b2_list_unfinished_large_files", new Route(AuthKind.ACCOUNT, this::listUnfinished));
  }

  Reply start(Call call) throws IOException {
    Params p = call.params();
    Bucket bucket = ctx.bucket(p.string("bucketId"));
    String fileName = Names.checkFileName(p.string("fileName"));
    call.principal().requireFile(Capabilities.WRITE_FILES, bucket.bucketId(), fileName);
    String contentType = Uploads.contentType(p.string("contentType"), fileName);
    Map<String, String> info = p.optStringMap("fileInfo");
    info = FileInfos.check(info == null ? Map.of() : info, fileName);
    String sse = bucket.sseMode();
    var sseNode = p.get("serverSideEncryption");
    if (sseNode != null && sseNode.hasNonNull("mode")) {
      sse = sseNode.get("mode").asText().equals("SSE-B2") ? "SSE-B2" : null;
    }
    FileLock lock = ObjectLock.fromJson(p, bucket, call.principal(), ctx.now());
    long seq = ctx.catalog().nextSeq();
    FileVersion v =
        new FileVersion(
            ctx.catalog().newLargeFileId(bucket.bucketId(), seq, ctx.now()),
            bucket.bucketId(),
            fileName,
            FileVersion.START,
            0,
            "none",
            null,
            contentType,
            info,
            ctx.now(),
            seq,
            sse,
            List.of(),
            lock,
            Replication.statusFor(bucket, fileName));
    ctx.catalog().addVersion(v);
    return Reply.ok(Shapes.file(v, ctx.accountId(), call.apiVersion(), call.principal().key()));
  }

  /** Returns the unfinished large file, or answers 400 bad_request. */
  private FileVersion unfinished(@Nullable String fileId) {
    FileVersion v = ctx.catalog().version(fileId);
    if (v == null || !v.isStart()) {
      throw B2Error.BAD_REQUEST.exception("Invalid fileId: " + fileId);
    }
    return v;
  }

  Reply getUploadPartUrl(Call call) throws IOException {
    FileVersion v = unfinished(call.params().string("fileId"));
    call.principal().requireFile(Capabilities.WRITE_FILES, v.bucketId(), v.fileName());
    String token =
        ctx.tokens().newUpload(call.principal().key().applicationKeyId(), v.bucketId(), v.fileId());
    var n = Json.object();
    n.put("fileId", v.fileId());
    n.put(
        "uploadUrl",
        ctx.baseUrl()
            + "/b2api/v"
            + call.apiVersion()
            + "/b2_upload_part/"
            + v.fileId()
            + "/"
            + ctx.tokens().randomHex(8));
    n.put("authorizationToken", token);
    return Reply.ok(n);
  }

  Reply uploadPart(Call call) throws IOException {
    if (!call.method().equals("POST")) {
      throw B2Error.METHOD_NOT_ALLOWED.exception("part uploads must use POST");
    }
    FileVersion v = unfinished(call.uploadGrant().fileId());
    String number = call.header("X-Bz-Part-Number");
    int partNumber;
    try {
      partNumber = Integer.parseInt(number == null ? "" : number.trim());
    } catch (NumberFormatException e) {
      throw B2Error.BAD_REQUEST.exception("X-Bz-Part-Number must be a number from 1 to 10000");
    }
    if (partNumber < 1 || partNumber > Limits.MAX_PARTS) {
      throw B2Error.BAD_REQUEST.exception("X-Bz-Part-Number must be a number from 1 to 10000");
    }
    String sha1 = Uploads.sha1Header(call);
    Uploads.checkLength(call, Limits.MAX_PART);
    Uploads.Received body = Uploads.receive(call, ctx.catalog().store(), sha1, Limits.MAX_PART);
    Part part =
        new Part(
            v.fileId(), partNumber, body.length(), body.sha1(), body.md5(), ctx.now(), body.blob());
    try {
      ctx.catalog().putPart(part);
    } catch (RuntimeException e) {
      ctx.catalog().store().deleteBlob(body.blob());
      throw e;
    }
    return Reply.ok(Shapes.part(part));
  }

  Reply finish(Call call) throws IOException {
    Params p = call.params();
    String fileId = p.string("fileId");
    List<String> shas = p.optStrings("partSha1Array");
    if (shas == null) {
      throw B2Error.BAD_REQUEST.exception("required field partSha1Array is missing");
    }
    synchronized (ctx.catalog()) {
      FileVersion v = unfinished(fileId);
      call.principal().requireFile(Capabilities.WRITE_FILES, v.bucketId(), v.fileName());
      List<Part> parts = ctx.catalog().parts(fileId);
      if (shas.size() < 2) {
        throw B2Error.BAD_REQUEST.exception("large files must have at least 2 parts");
      }
      List<Segment> segments = new ArrayList<>();
      long total = 0;
      for (int i = 0; i < shas.size(); i++) {
        Part part = i < parts.size() ? parts.get(i) : null;
        if (part == null || part.partNumber() != i + 1) {
          throw B2Error.MISSING_PART.exception("Part number " + (i + 1) + " has not been uploaded");
        }
        String actual = part.contentSha1().replace("unverified:", "");
        if (!actual.equals(shas.get(i).toLowerCase(Locale.ROOT))) {
          throw B2Error.PART_SHA1_MISMATCH.exception(
              "Part number " + (i + 1) + " has SHA1 " + actual);
        }
        if (i < shas.size() - 1 && part.contentLength() < ctx.limits().absoluteMinimumPartSize()) {
          throw B2Error.BAD_REQUEST.exception(
              "Part number "
                  + (i + 1)
                  + " is smaller than the minimum part "
                  + "size "
                  + ctx.limits().absoluteMinimumPartSize());
        }
        segments.add(new Segment(part.blob(), part.contentLength()));
        total += part.contentLength();
      }
      if (parts.size() > shas.size()) {
        throw B2Error.BAD_REQUEST.exception(
            "part "
                + parts.get(shas.size()).partNumber()
                + " was uploaded but is not in partSha1Array");
      }
      FileVersion done = ctx.catalog().finish(v.finished(total, segments));
      return Reply.ok(
          Shapes.file(done, ctx.accountId(), call.apiVersion(), call.principal().key()));
    }
  }

  Reply cancel(Call call) throws IOException {
    String fileId = call.params().string("fileId");
    FileVersion v = unfinished(fileId);
    call.principal().requireFile(Capabilities.WRITE_FILES, v.bucketId(), v.fileName());
    ctx.catalog().removeVersion(fileId);
    var n = Json.object();
    n.put("accountId", ctx.accountId());
    n.put("bucketId", v.bucketId());
    n.put("fileId", v.fileId());
    n.put("fileName", v.fileName());
    return Reply.ok(n);
  }

  Reply listParts(Call call) throws IOException {
    Params p = call.params();
    FileVersion v = unfinished(p.string("fileId"));
    call.principal().requireFile(Capabilities.WRITE_FILES, v.bucketId(), v.fileName());
    long start = p.optLong("startPartNumber") == null ? 1 : p.optLong("startPartNumber");
    int max = Listing.count(p.optLong("maxPartCount"), 100, 1000);
    var parts = Json.array();
    Integer next = null;
    for (Part part : ctx.catalog().parts(v.fileId())) {
      if (part.partNumber() < start) {
        continue;
      }
      if (parts.size() == max) {
        next = part.partNumber();
        break;
      }
      parts.add(Shapes.part(part));
    }
    var n = Json.object();
    n.set("parts", parts);
    n.put("nextPartNumber", next);
    return Reply.ok(n);
  }

  Reply listUnfinished(Call call) throws IOException {
    Params p = call.params();
    String bucketId = p.string("bucketId");
    ctx.bucket(bucketId);
    Principal who = call.principal().require(Capabilities.LIST_FILES).requireBucket(bucketId);
    String prefix = p.optString("namePrefix");
    String startFileId = p.optString("startFileId");
    int max = Listing.count(p.optLong("maxFileCount"), 100, 100);
    var files = Json.array();
    String next = null;
    boolean started = startFileId == null;
    for (FileVersion v : ctx.catalog().unfinished(bucketId)) {
      started = started || v.fileId().equals(startFileId);
      if (!started
          || (prefix != null && !v.fileName().startsWith(prefix))
          || !who.allowsName(v.fileName())) {
        continue;
      }
      if (files.size() == max) {
        next = v.fileId();
        break;
      }
      files.add(Shapes.file(v, ctx.accountId(), call.apiVersion(), call.principal().key()));
    }
    var n = Json.object();
    n.set("files", files);
    n.put("nextFileId", next);
    return Reply.ok(n);
  }
}
