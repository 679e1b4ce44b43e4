package dev.stowage.b2.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Server-side copies: {@code b2_copy_file} (answers {@code action:"copy"}, stores an upload) and {@code b2_copy_part}. */
final class CopyHandlers {
  private final Context ctx;

  CopyHandlers(Context ctx) {
    this.ctx = ctx;
  }

  Map<String, Route> routes() {
    return Map.of(
        "b2_copy_file", new Route(AuthKind.ACCOUNT, this::copyFile),
        "b2_copy_part", new Route(AuthKind.ACCOUNT, this::copyPart));
  }

  /** Returns the source version after checking the caller may read it. */
  private FileVersion source(Call call, String sourceFileId) {
    FileVersion src = ctx.catalog().version(sourceFileId);
    if (src == null || !src.isUpload()) {
      throw B2Error.BAD_REQUEST.exception("Invalid sourceFileId: " + sourceFileId);
    }
    Bucket bucket = ctx.bucket(src.bucketId());
    Principal who = call.principal().requireBucket(src.bucketId()).requireName(src.fileName());
    if (!bucket.isPublic()) {
      who.require(Capabilities.READ_FILES);
    }
    return src;
  }

  /** Parses {@code bytes=a-b} (inclusive) against the source size; null range means the whole file. */
  private static long[] range(@Nullable String range, long size) {
    if (range == null) {
      return new long[] {0, size};
    }
    var m = java.util.regex.Pattern.compile("bytes=(\\d+)-(\\d+)").matcher(range.trim());
    if (!m.matches()) {
      throw B2Error.BAD_REQUEST.exception("range must look like bytes=START-END: " + range);
    }
    long start = Long.parseLong(m.group(1));
    long end = Long.parseLong(m.group(2));
    if (start > end || end >= size) {
      throw B2Error.BAD_REQUEST.exception(
          "range " + range + " is outside the source of " + size + " bytes");
    }
    return new long[] {start, end - start + 1};
  }

  private Uploads.Received copyBytes(FileVersion src, long[] range) throws IOException {
    try (InputStream in = Content.open(ctx.catalog().store(), src.segments(), range[0], range[1]);
        Store.BlobSink sink = ctx.catalog().store().newBlob()) {
      BodyCopier.Copied c = BodyCopier.copy(in, sink.stream(), false, Long.MAX_VALUE);
      return new Uploads.Received(sink.commit(), c.length(), c.sha1(), c.md5());
    }
  }

  Reply copyFile(Call call) throws IOException {
    Params p = call.params();
    FileVersion src = source(call, p.string("sourceFileId"));
    String fileName = Names.checkFileName(p.string("fileName"));
    String destId =
        p.optString("destinationBucketId") == null
            ? src.bucketId()
            : p.optString("destinationBucketId");
    Bucket dest = ctx.bucket(destId);
    call.principal().requireFile(Capabilities.WRITE_FILES, dest.bucketId(), fileName);
    String directive =
        p.optString("metadataDirective") == null ? "COPY" : p.optString("metadataDirective");
    String contentType = p.optString("contentType");
    Map<String, String> info = p.optStringMap("fileInfo");
    if (directive.equals("COPY")) {
      if (contentType != null || info != null) {
        throw B2Error.BAD_REQUEST.exception(
            "contentType and fileInfo must be absent with metadataDirective COPY");
      }
      contentType = src.contentType();
      info = src.fileInfo();
    } else if (directive.equals("REPLACE")) {
      if (contentType == null) {
        throw B2Error.BAD_REQUEST.exception(
            "contentType is required with metadataDirective REPLACE");
      }
      contentType = Uploads.contentType(contentType, fileName);
      info = FileInfos.check(info == null ? Map.of() : info, fileName);
    } else {
      throw B2Error.BAD_REQUEST.exception("metadataDirective must be COPY or REPLACE");
    }
    long[] range = range(p.optString("range"), src.contentLength());
    if (range[1] > ctx.limits().maxSmallFileSize()) {
      throw B2Error.SOURCE_TOO_LARGE.exception("Copy source too big: " + range[1]);
    }
    FileLock lock = ObjectLock.fromJson(p, dest, call.principal(), ctx.now());
    Uploads.Received copied = copyBytes(src, range);
    long seq = ctx.catalog().nextSeq();
    String fileId = ctx.catalog().newFileId(dest.bucketId(), seq, ctx.now());
    FileVersion v =
        new FileVersion(
            fileId,
            dest.bucketId(),
            fileName,
            FileVersion.UPLOAD,
            copied.length(),
            copied.sha1(),
            copied.md5(),
            contentType,
            info,
            ctx.now(),
            seq,
            dest.sseMode(),
            List.of(new Segment(copied.blob(), copied.length())),
            lock,
            Replication.statusFor(dest, fileName));
    try {
      ctx.catalog().addVersion(v);
    } catch (RuntimeException e) {
      ctx.catalog().store().deleteBlob(copied.blob());
      throw e;
    }
    return Reply.ok(
        Shapes.file(v, ctx.accountId(), call.apiVersion(), "copy", call.principal().key()));
  }

  Reply copyPart(Call call) throws IOException {
    Params p = call.params();
    FileVersion src = source(call, p.string("sourceFileId"));
    String largeFileId = p.string("largeFileId");
    long partNumber = p.longValue("partNumber");
    if (partNumber < 1 || partNumber > Limits.MAX_PARTS) {
      throw B2Error.BAD_REQUEST.exception("partNumber must be from 1 to 10000");
    }
    FileVersion large = ctx.catalog().version(largeFileId);
    if (large == null || !large.isStart()) {
      throw B2Error.BAD_REQUEST.exception("Invalid largeFileId: " + largeFileId);
    }
    call.principal().requireFile(Capabilities.WRITE_FILES, large.bucketId(), large.fileName());
    long[] range = range(p.optString("range"), src.contentLength());
    if (range[1] > Limits.MAX_PART) {
      throw B2Error.SOURCE_TOO_LARGE.exception("Copy source too big: " + range[1]);
    }
    Uploads.Received copied = copyBytes(src, range);
    Part part =
        new Part(
            largeFileId,
            (int) partNumber,
            copied.length(),
            copied.sha1(),
            copied.md5(),
            ctx.now(),
            copied.blob());
    try {
      ctx.catalog().putPart(part);
    } catch (RuntimeException e) {
      ctx.catalog().store().deleteBlob(copied.blob());
      throw e;
    }
    return Reply.ok(Shapes.part(part));
  }
}
