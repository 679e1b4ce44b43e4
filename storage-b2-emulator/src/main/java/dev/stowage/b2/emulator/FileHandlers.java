package dev.stowage.b2.emulator;

import java.io.IOException;
import java.util.Map;

/** Single-version calls: {@code b2_get_file_info}, {@code b2_hide_file} and {@code b2_delete_file_version}. */
final class FileHandlers {
  private final Context ctx;

  FileHandlers(Context ctx) {
    this.ctx = ctx;
  }

  Map<String, Route> routes() {
    return Map.of(
        "b2_get_file_info", new Route(AuthKind.ACCOUNT, this::getFileInfo),
        "b2_hide_file", new Route(AuthKind.ACCOUNT, this::hide),
        "b2_delete_file_version", new Route(AuthKind.ACCOUNT, this::deleteVersion));
  }

  Reply getFileInfo(Call call) throws IOException {
    String fileId = call.params().string("fileId");
    FileVersion v = ctx.catalog().version(fileId);
    if (v == null) {
      throw B2Error.NOT_FOUND.exception("File not present: " + fileId);
    }
    call.principal().requireFile(Capabilities.READ_FILES, v.bucketId(), v.fileName());
    return Reply.ok(Shapes.file(v, ctx.accountId(), call.apiVersion(), call.principal().key()));
  }

  Reply hide(Call call) throws IOException {
    Params p = call.params();
    Bucket bucket = ctx.bucket(p.string("bucketId"));
    String fileName = Names.checkFileName(p.string("fileName"));
    call.principal().requireFile(Capabilities.WRITE_FILES, bucket.bucketId(), fileName);
    FileVersion marker;
    synchronized (ctx.catalog()) {
      FileVersion newest = null;
      for (FileVersion v : ctx.catalog().versionsOf(bucket.bucketId(), fileName)) {
        if (!v.isStart()) {
          newest = v;
          break;
        }
      }
      if (newest == null) {
        throw B2Error.NO_SUCH_FILE.exception("File not present: " + fileName);
      }
      if (newest.isHide()) {
        throw B2Error.ALREADY_HIDDEN.exception("File already hidden: " + fileName);
      }
      long seq = ctx.catalog().nextSeq();
      String id = ctx.catalog().newFileId(bucket.bucketId(), seq, ctx.now());
      marker = FileVersion.hideMarker(id, bucket.bucketId(), fileName, ctx.now(), seq);
      ctx.catalog().addVersion(marker);
    }
    return Reply.ok(
        Shapes.file(marker, ctx.accountId(), call.apiVersion(), call.principal().key()));
  }

  Reply deleteVersion(Call call) throws IOException {
    Params p = call.params();
    String fileName = p.string("fileName");
    String fileId = p.string("fileId");
    boolean bypass = Boolean.TRUE.equals(p.optBoolean("bypassGovernance"));
    FileVersion v = ctx.catalog().version(fileId);
    if (v == null || !v.fileName().equals(fileName)) {
      throw B2Error.FILE_NOT_PRESENT.exception("File not present: " + fileName + " " + fileId);
    }
    call.principal().requireFile(Capabilities.DELETE_FILES, v.bucketId(), v.fileName());
    synchronized (ctx.catalog()) {
      FileVersion current = ctx.catalog().version(fileId);
      if (current != null) {
        ObjectLock.checkDeletable(current, call.principal(), bypass, ctx.now());
      }
      if (ctx.catalog().removeVersion(fileId) == null) {
        throw B2Error.FILE_NOT_PRESENT.exception("File not present: " + fileName + " " + fileId);
      }
    }
    var n = Json.object();
    n.put("fileId", fileId);
    n.put("fileName", fileName);
    return Reply.ok(n);
  }
}
