package dev.stowage.b2.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Downloads by id and by name (GET and HEAD, single ranges, every B2 response header) and
 * {@code b2_get_download_authorization}. Bodies stream from the store; nothing is buffered whole.
 */
final class DownloadHandlers {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
  private static final Map<String, String> OVERRIDES =
      Map.of(
          "b2ContentDisposition", "Content-Disposition",
          "b2ContentLanguage", "Content-Language",
          "b2Expires", "Expires",
          "b2CacheControl", "Cache-Control",
          "b2ContentEncoding", "Content-Encoding",
          "b2ContentType", "Content-Type");
  private static final long MAX_DOWNLOAD_AUTH_SECONDS = 604_800;

  private final Context ctx;

  DownloadHandlers(Context ctx) {
    this.ctx = ctx;
  }

  Map<String, Route> routes() {
    return Map.of(
        "b2_download_file_by_id", new Route(AuthKind.DOWNLOAD, this::byId),
        "b2_download_file_by_name", new Route(AuthKind.DOWNLOAD, this::byName),
        "b2_get_download_authorization", new Route(AuthKind.ACCOUNT, this::authorizeDownloads));
  }

  Reply byId(Call call) throws IOException {
    if (!List.of("GET", "HEAD", "POST").contains(call.method())) {
      throw B2Error.METHOD_NOT_ALLOWED.exception("use GET, HEAD or POST");
    }
    String fileId =
        call.method().equals("POST") ? call.params().string("fileId") : call.query().get("fileId");
    if (fileId == null || fileId.isEmpty()) {
      throw B2Error.BAD_REQUEST.exception("required parameter fileId is missing");
    }
    FileVersion v = ctx.catalog().version(fileId);
    Bucket bucket = v == null ? null : ctx.catalog().bucket(v.bucketId());
    if (v == null || bucket == null) {
      throw B2Error.NOT_FOUND.exception("File with such id does not exist: " + fileId);
    }
    authorizeRead(call, bucket, v.fileName(), false);
    if (!v.isUpload()) {
      throw B2Error.NOT_FOUND.exception("File with such id does not exist: " + fileId);
    }
    return serve(call, bucket, v);
  }

  Reply byName(Call call) throws IOException {
    if (!call.method().equals("GET") && !call.method().equals("HEAD")) {
      throw B2Error.METHOD_NOT_ALLOWED.exception("use GET or HEAD");
    }
    Bucket bucket = ctx.catalog().bucketByName(call.args().get(0));
    if (bucket == null) {
      throw B2Error.NOT_FOUND.exception("Bucket does not exist: " + call.args().get(0));
    }
    String fileName = call.args().get(1);
    authorizeRead(call, bucket, fileName, true);
    FileVersion current = null;
    for (FileVersion v : ctx.catalog().versionsOf(bucket.bucketId(), fileName)) {
      if (!v.isStart()) {
        current = v;
        break;
      }
    }
    if (current == null || !current.isUpload()) {
      throw B2Error.NOT_FOUND.exception("File not present: " + fileName);
    }
    return serve(call, bucket, current);
  }

  /** Checks an account token, a download-authorization token (by name only) or public access. */
  private void authorizeRead(Call call, Bucket bucket, String fileName, boolean byName) {
    Principal who = call.principalOrNull();
    if (who != null) {
      who.requireFile(Capabilities.READ_FILES, bucket.bucketId(), fileName);
      return;
    }
    String token = call.token();
    if (token == null || token.isEmpty()) {
      if (bucket.isPublic()) {
        return;
      }
      throw B2Error.UNAUTHORIZED.exception(
          "this bucket is private: an authorization token is required");
    }
    Tokens.DownloadGrant grant = ctx.tokens().download(token);
    if (grant == null || !byName) {
      throw B2Error.BAD_AUTH_TOKEN.exception("Invalid authorization token");
    }
    if (ctx.now() >= grant.expiresAt()) {
      throw B2Error.EXPIRED_AUTH_TOKEN.exception("download authorization has expired");
    }
    if (!grant.bucketId().equals(bucket.bucketId())
        || !fileName.startsWith(grant.fileNamePrefix())) {
      throw B2Error.UNAUTHORIZED.exception("the download authorization does not cover this file");
    }
    for (Map.Entry<String, String> bound : grant.bound().entrySet()) {
      if (!bound.getValue().equals(call.query().get(bound.getKey()))) {
        throw B2Error.UNAUTHORIZED.exception(
            "the download must carry " + bound.getKey() + " as authorized");
      }
    }
  }

  private Reply serve(Call call, Bucket bucket, FileVersion v) {
    long size = v.contentLength();
    long start = 0;
    long length = size;
    boolean partial = false;
    String range = call.header("Range");
    if (range != null) {
      long[] r = parseRange(range.trim(), size);
      if (r != null) {
        start = r[0];
        length = r[1] - r[0] + 1;
        partial = true;
      }
    }
    long from = start;
    long count = length;
    Reply reply =
        new Reply(
            partial ? 206 : 200,
            length,
            out -> {
              try (InputStream in =
                  Content.open(ctx.catalog().store(), v.segments(), from, count)) {
                in.transferTo(out);
              }
            });
    headers(call, bucket, v, reply);
    if (partial) {
      reply.header("Content-Range", "bytes " + start + "-" + (start + length - 1) + "/" + size);
    }
    return reply;
  }

  /** Returns {start, end} inclusive, null to serve the whole file, or answers 416. */
  private static long @Nullable [] parseRange(String range, long size) {
    Matcher m = RANGE.matcher(range);
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return null;
    }
    long start;
    long end;
    if (m.group(1).isEmpty()) {
      long suffix = Long.parseLong(m.group(2));
      if (suffix == 0) {
        throw unsatisfiable(size);
      }
      start = Math.max(0, size - suffix);
      end = size - 1;
    } else {
      start = Long.parseLong(m.group(1));
      end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
      if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < start) {
        return null;
      }
    }
    if (start >= size) {
      throw unsatisfiable(size);
    }
    return new long[] {start, end};
  }

  private static B2Exception unsatisfiable(long size) {
    return B2Error.RANGE_NOT_SATISFIABLE
        .exception("The range is not satisfiable for a file of " + size + " bytes")
        .withHeader("Content-Range", "bytes */" + size);
  }

  private static void headers(Call call, Bucket bucket, FileVersion v, Reply reply) {
    Map<String, String> standard = new LinkedHashMap<>();
    bucket
        .bucketInfo()
        .forEach(
            (k, val) -> {
              if (k.equalsIgnoreCase("Cache-Control")) {
                standard.put("Cache-Control", val);
              }
            });
    standard.put("Content-Type", v.contentType());
    reply.header("Accept-Ranges", "bytes");
    reply.header("X-Bz-File-Id", v.fileId());
    reply.header("X-Bz-File-Name", Names.encode(v.fileName()));
    reply.header("X-Bz-Content-Sha1", v.contentSha1());
    reply.header("X-Bz-Upload-Timestamp", Long.toString(v.uploadTimestamp()));
    for (Map.Entry<String, String> info : v.fileInfo().entrySet()) {
      String header = FileInfos.B2_HEADERS.get(info.getKey());
      if (header != null) {
        standard.put(header, info.getValue());
      } else {
        reply.header("X-Bz-Info-" + info.getKey(), Names.encode(info.getValue()));
      }
    }
    OVERRIDES.forEach(
        (param, header) -> {
          String value = call.query().get(param);
          if (value != null) {
            standard.put(header, value);
          }
        });
    standard.forEach(reply::header);
    if ("SSE-B2".equals(v.sseMode())) {
      reply.header("X-Bz-Server-Side-Encryption", "AES256");
    }
    if (v.replicationStatus() != null) {
      reply.header("X-Bz-Replication-Status", v.replicationStatus());
    }
    if (bucket.fileLockEnabled()) {
      lockHeaders(call.principalOrNull(), v.lock(), reply);
    }
  }

  /** Object Lock headers for what the caller may read; the rest is named in X-Bz-Client-Unauthorized-To-Read. */
  private static void lockHeaders(@Nullable Principal who, FileLock lock, Reply reply) {
    List<String> unreadable = new ArrayList<>();
    if (who != null && who.key().has(Capabilities.READ_FILE_RETENTIONS)) {
      if (lock.mode() != null && lock.retainUntil() != null) {
        reply.header("X-Bz-File-Retention-Mode", lock.mode());
        reply.header(
            "X-Bz-File-Retention-Retain-Until-Timestamp", Long.toString(lock.retainUntil()));
      }
    } else {
      unreadable.add("X-Bz-File-Retention-Mode");
      unreadable.add("X-Bz-File-Retention-Retain-Until-Timestamp");
    }
    if (who != null && who.key().has(Capabilities.READ_FILE_LEGAL_HOLDS)) {
      if (lock.legalHold() != null) {
        reply.header("X-Bz-File-Legal-Hold", lock.legalHold());
      }
    } else {
      unreadable.add("X-Bz-File-Legal-Hold");
    }
    if (!unreadable.isEmpty()) {
      reply.header("X-Bz-Client-Unauthorized-To-Read", String.join(",", unreadable));
    }
  }

  Reply authorizeDownloads(Call call) throws IOException {
    Params p = call.params();
    String bucketId = p.string("bucketId");
    String prefix = p.optString("fileNamePrefix");
    if (prefix == null) {
      throw B2Error.BAD_REQUEST.exception("required field fileNamePrefix is missing");
    }
    long seconds = p.longValue("validDurationInSeconds");
    if (seconds < 1 || seconds > MAX_DOWNLOAD_AUTH_SECONDS) {
      throw B2Error.BAD_REQUEST.exception("validDurationInSeconds must be from 1 to 604800");
    }
    Principal who = call.principal().require(Capabilities.SHARE_FILES).requireBucket(bucketId);
    if (who.key().namePrefix() != null && !prefix.startsWith(who.key().namePrefix())) {
      throw B2Error.UNAUTHORIZED.exception(
          "the key is restricted to names starting with " + who.key().namePrefix());
    }
    ctx.bucket(bucketId);
    Map<String, String> bound = new LinkedHashMap<>();
    for (String param : OVERRIDES.keySet()) {
      String value = p.optString(param);
      if (value != null) {
        bound.put(param, value);
      }
    }
    String token =
        ctx.tokens()
            .newDownload(
                new Tokens.DownloadGrant(bucketId, prefix, ctx.now() + seconds * 1000, bound));
    var n = Json.object();
    n.put("authorizationToken", token);
    n.put("bucketId", bucketId);
    n.put("fileNamePrefix", prefix);
    return Reply.ok(n);
  }
}
