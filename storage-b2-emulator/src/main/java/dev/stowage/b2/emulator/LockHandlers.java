package dev.stowage.b2.emulator;

import java.io.IOException;
import java.util.Map;

/** Object Lock calls on one version: {@code b2_update_file_retention} and {@code b2_update_file_legal_hold}. */
final class LockHandlers {
  private final Context ctx;

  LockHandlers(Context ctx) {
    this.ctx = ctx;
  }

  Map<String, Route> routes() {
    return Map.of(
        "b2_update_file_retention", new Route(AuthKind.ACCOUNT, this::updateRetention),
        "b2_update_file_legal_hold", new Route(AuthKind.ACCOUNT, this::updateLegalHold));
  }

  /** The uploaded version named by fileId and fileName in a lock-enabled bucket, or a 400. */
  private FileVersion lockable(Params p) {
    String fileName = p.string("fileName");
    String fileId = p.string("fileId");
    FileVersion v = ctx.catalog().version(fileId);
    if (v == null || !v.fileName().equals(fileName) || !v.isUpload()) {
      throw B2Error.FILE_NOT_PRESENT.exception("File not present: " + fileName + " " + fileId);
    }
    if (!ctx.bucket(v.bucketId()).fileLockEnabled()) {
      throw B2Error.BAD_REQUEST.exception("file lock is not enabled on the bucket of " + fileName);
    }
    return v;
  }

  Reply updateRetention(Call call) throws IOException {
    Params p = call.params();
    boolean bypass = Boolean.TRUE.equals(p.optBoolean("bypassGovernance"));
    FileVersion updated;
    synchronized (ctx.catalog()) {
      FileVersion v = lockable(p);
      call.principal().requireFile(Capabilities.WRITE_FILE_RETENTIONS, v.bucketId(), v.fileName());
      FileLock wanted = ObjectLock.parseRetention(p.get("fileRetention"), ctx.now());
      ObjectLock.checkRetentionChange(
          v.lock(), wanted.mode(), wanted.retainUntil(), call.principal(), bypass, ctx.now());
      updated = v.withLock(v.lock().withRetention(wanted.mode(), wanted.retainUntil()));
      ctx.catalog().replaceVersion(updated);
    }
    var n = Json.object();
    n.put("fileId", updated.fileId());
    n.put("fileName", updated.fileName());
    n.set("fileRetention", ObjectLock.retentionValue(updated.lock()));
    return Reply.ok(n);
  }

  Reply updateLegalHold(Call call) throws IOException {
    Params p = call.params();
    String hold = p.string("legalHold");
    if (!hold.equals("on") && !hold.equals("off")) {
      throw B2Error.BAD_REQUEST.exception("legalHold must be on or off, not " + hold);
    }
    FileVersion updated;
    synchronized (ctx.catalog()) {
      FileVersion v = lockable(p);
      call.principal().requireFile(Capabilities.WRITE_FILE_LEGAL_HOLDS, v.bucketId(), v.fileName());
      updated = v.withLock(v.lock().withLegalHold(hold));
      ctx.catalog().replaceVersion(updated);
    }
    var n = Json.object();
    n.put("fileId", updated.fileId());
    n.put("fileName", updated.fileName());
    n.put("legalHold", updated.lock().legalHold());
    return Reply.ok(n);
  }
}
